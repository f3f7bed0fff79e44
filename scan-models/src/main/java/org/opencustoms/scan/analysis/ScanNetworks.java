package org.opencustoms.scan.analysis;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The two networks, small enough to train on a 2-core CPU in minutes and to ship under a megabyte.
 * Their parameters are saved and loaded by DJL; the architecture lives here, so a parameter file only
 * loads into the block it was trained as.
 */
public final class ScanNetworks {

    public static final String THREAT_DETECTOR = "threat-detector";
    public static final String EMPTY_VERIFIER = "empty-verifier";

    /** Tile side and the channels of a tile: scaled attenuation and high-pass detail. */
    public static final int TILE = 64;
    public static final int TILE_CHANNELS = 2;
    /** The empty-container verifier sees the container region resampled to this size. */
    public static final int EMPTY_HEIGHT = 64;
    public static final int EMPTY_WIDTH = 192;

    private ScanNetworks() {
    }

    /**
     * Tile classifier: does a concealed threat sit in the tile's central square? Global max pooling keeps
     * a small object's response however much cargo surrounds it. One logit out.
     */
    public static Block threatDetector() {
        return new SequentialBlock()
                .add(convolution(16)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convolution(32)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convolution(48)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convolution(64)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Pool.globalMaxPool2dBlock())
                .add(Linear.builder().setUnits(1).build());
    }

    /** Whole-container classifier: is it empty? Average pooling: emptiness is a property of the whole load. One logit out. */
    public static Block emptyVerifier() {
        return new SequentialBlock()
                .add(convolution(8)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convolution(16)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convolution(32)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(1).build());
    }

    public static Shape threatInputShape(int batch) {
        return new Shape(batch, TILE_CHANNELS, TILE, TILE);
    }

    public static Shape emptyInputShape(int batch) {
        return new Shape(batch, 1, EMPTY_HEIGHT, EMPTY_WIDTH);
    }

    private static Block convolution(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }
}

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

    /** Channels of the detector's input: scaled attenuation and high-pass detail. */
    public static final int INPUT_CHANNELS = 2;
    /** The detector answers for cells of this many normalized pixels a side. */
    public static final int OUTPUT_STRIDE = 4;
    /** Output channels: the threat logit, then one logit per {@link ThreatClass}, in its order. */
    public static final int OUTPUT_CHANNELS = 1 + ThreatClass.values().length;
    /** A scan narrower than this after normalisation holds too little for the detector. */
    public static final int MIN_WIDTH = 64;
    /** The empty-container verifier sees the container region resampled to this size. */
    public static final int EMPTY_HEIGHT = 64;
    public static final int EMPTY_WIDTH = 192;

    private ScanNetworks() {
    }

    /**
     * Fully convolutional detector over the whole normalized scan: two stride-2 convolutions, then dilated ones
     * (dilation 2, 4, 8) that see about 130 normalized pixels (1.5 m) around each cell without pooling the small
     * objects away. Per cell of {@link #OUTPUT_STRIDE} pixels: a threat logit and the class logits. Any height
     * and width that are multiples of the stride.
     */
    public static Block threatDetector() {
        return new SequentialBlock()
                .add(convolution(16, 2, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(convolution(24, 1, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(convolution(32, 2, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(convolution(48, 1, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(convolution(48, 1, 2)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(convolution(48, 1, 4)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(convolution(48, 1, 8)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(OUTPUT_CHANNELS).build());
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

    public static Shape threatInputShape(int batch, int height, int width) {
        return new Shape(batch, INPUT_CHANNELS, height, width);
    }

    public static Shape emptyInputShape(int batch) {
        return new Shape(batch, 1, EMPTY_HEIGHT, EMPTY_WIDTH);
    }

    private static Block convolution(int filters) {
        return convolution(filters, 1, 1);
    }

    private static Block convolution(int filters, int stride, int dilation) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(dilation, dilation)).optDilation(new Shape(dilation, dilation)).setFilters(filters).build();
    }
}

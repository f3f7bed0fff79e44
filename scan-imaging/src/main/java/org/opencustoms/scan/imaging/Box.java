package org.opencustoms.scan.imaging;

/** Axis-aligned box in pixels of a produced image: left column, top row, width and height. */
public record Box(int x, int y, int w, int h) {

    public Box {
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("negative box size " + w + "x" + h);
        }
    }

    public boolean isEmpty() {
        return w == 0 || h == 0;
    }

    public boolean fitsIn(int width, int height) {
        return x >= 0 && y >= 0 && x + w <= width && y + h <= height;
    }
}

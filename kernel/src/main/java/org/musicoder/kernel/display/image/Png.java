package org.musicoder.kernel.display.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * PNG bytes of an opaque image as an 8-bit palette PNG (ImageIO's writer): exact when the image has at most 256
 * colours, else the given colours (a colour scale's levels, which a colour bar shows even where they are rare) and
 * then the most frequent ones, up to 256, with every other pixel mapped to its nearest palette colour (RGB
 * distance). A figure's colours are few and repeated (a colour scale, text shades, a few trace colours), so the
 * error is a few RGB units on rare pixels; the file is a third to a half of a 24-bit PNG's.
 */
final class Png {
    static final int COLOURS = 256;

    private Png() {}

    /**
     * @param img  an opaque image
     * @param keep colours (RGB, alpha ignored) to keep first when the image has more than 256
     * @return PNG bytes
     */
    static byte[] encode(BufferedImage img, List<Integer> keep) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> count = new HashMap<>();
        for (int p : rgb) count.merge(p & 0xffffff, 1, Integer::sum);
        Set<Integer> chosen = new LinkedHashSet<>();
        if (count.size() > COLOURS) {
            for (int c : keep) if (chosen.size() < COLOURS && count.containsKey(c & 0xffffff)) chosen.add(c & 0xffffff);
        }
        List<Map.Entry<Integer, Integer>> byCount = new ArrayList<>(count.entrySet());
        byCount.sort((a, b) -> b.getValue() - a.getValue());
        for (int i = 0; i < byCount.size() && chosen.size() < COLOURS; i++) chosen.add(byCount.get(i).getKey());
        int n = chosen.size();
        int[] palette = new int[n];
        Map<Integer, Integer> index = new HashMap<>();
        int k = 0;
        for (int c : chosen) {
            palette[k] = c;
            index.put(c, k++);
        }
        for (int c : count.keySet()) index.computeIfAbsent(c, x -> nearest(palette, x));
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        int bits = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
        IndexColorModel model = new IndexColorModel(bits, n, r, g, b);
        BufferedImage out = new BufferedImage(w, h, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED
                : BufferedImage.TYPE_BYTE_BINARY, model);
        java.awt.image.WritableRaster raster = out.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) row[x] = index.get(rgb[y * w + x] & 0xffffff);
            raster.setPixels(0, y, w, 1, row);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(out, "png", bytes)) throw new IllegalStateException("ImageIO has no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int nearest(int[] palette, int c) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((palette[i] >> 16) & 0xff) - ((c >> 16) & 0xff);
            int dg = ((palette[i] >> 8) & 0xff) - ((c >> 8) & 0xff);
            int db = (palette[i] & 0xff) - (c & 0xff);
            long d = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}

package org.musicoder.audio;

/**
 * Uncompressed sample encodings of WAV and AU files, decoded to float32 the way libsndfile (soundfile) reads
 * them: n-bit integers divided by 2^(n-1), unsigned 8-bit as (x - 128) / 128, floats as they are, G.711 mu-law
 * and A-law through their 16-bit expansions divided by 32768.
 */
enum PcmEncoding {
    /** Unsigned 8-bit (WAV). */
    U8(1) {
        float decode(byte[] b, int p, boolean bigEndian) {
            return ((b[p] & 0xFF) - 128) * 0x1p-7f;
        }
    },
    /** Signed 8-bit (AU). */
    S8(1) {
        float decode(byte[] b, int p, boolean bigEndian) {
            return b[p] * 0x1p-7f;
        }
    },
    S16(2) {
        float decode(byte[] b, int p, boolean bigEndian) {
            int x = bigEndian ? (b[p] << 8) | (b[p + 1] & 0xFF) : (b[p + 1] << 8) | (b[p] & 0xFF);
            return x * 0x1p-15f;
        }
    },
    S24(3) {
        float decode(byte[] b, int p, boolean bigEndian) {
            int x = bigEndian
                    ? (b[p] << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF)
                    : (b[p + 2] << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p] & 0xFF);
            return x * 0x1p-23f;
        }
    },
    S32(4) {
        float decode(byte[] b, int p, boolean bigEndian) {
            return (float) int32(b, p, bigEndian) * 0x1p-31f;
        }
    },
    F32(4) {
        float decode(byte[] b, int p, boolean bigEndian) {
            return Float.intBitsToFloat(int32(b, p, bigEndian));
        }
    },
    F64(8) {
        float decode(byte[] b, int p, boolean bigEndian) {
            long hi = int32(b, bigEndian ? p : p + 4, bigEndian);
            long lo = int32(b, bigEndian ? p + 4 : p, bigEndian) & 0xFFFFFFFFL;
            return (float) Double.longBitsToDouble((hi << 32) | lo);
        }
    },
    /** G.711 mu-law. */
    ULAW(1) {
        float decode(byte[] b, int p, boolean bigEndian) {
            int u = ~b[p] & 0xFF;
            int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
            return ((u & 0x80) != 0 ? 0x84 - t : t - 0x84) * 0x1p-15f;
        }
    },
    /** G.711 A-law. */
    ALAW(1) {
        float decode(byte[] b, int p, boolean bigEndian) {
            int a = (b[p] & 0xFF) ^ 0x55;
            int seg = (a & 0x70) >> 4;
            int t = ((a & 0x0F) << 4) + (seg == 0 ? 8 : 0x108);
            if (seg > 1) t <<= seg - 1;
            return ((a & 0x80) != 0 ? t : -t) * 0x1p-15f;
        }
    };

    /** Bytes per sample. */
    final int bytes;

    PcmEncoding(int bytes) {
        this.bytes = bytes;
    }

    /**
     * Decodes one sample.
     *
     * @param b         raw bytes
     * @param p         index of the sample's first byte in {@code b}
     * @param bigEndian byte order of multi-byte samples
     * @return the sample as float32 (nominally in [-1, 1])
     */
    abstract float decode(byte[] b, int p, boolean bigEndian);

    /** Whether samples are IEEE floats (and may therefore be NaN or infinite). */
    boolean isFloat() {
        return this == F32 || this == F64;
    }

    private static int int32(byte[] b, int p, boolean bigEndian) {
        return bigEndian
                ? (b[p] << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF)
                : (b[p + 3] << 24) | ((b[p + 2] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p] & 0xFF);
    }
}

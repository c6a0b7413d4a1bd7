package io.dynamokit.engine.storage;

/**
 * The bytes of a stored attribute value (written by {@link ValueEncoder}, read by {@link ValueDecoder}): a tag, then
 * for every type but BOOL and NULL the payload's length (an unsigned varint: 7 bits a byte, least significant first)
 * and the payload, so that a value can be skipped without reading it.
 * <ul>
 * <li>S and N: the text, as Latin-1 when every character fits in a byte (a copy each way, no decoding), otherwise as
 * UTF-8 in which an unpaired surrogate takes the 3 bytes of its code unit (Java strings may hold one; plain UTF-8
 * would lose it). Numbers keep their text as it is, so their canonical form is kept too.</li>
 * <li>B: the bytes.</li>
 * <li>L: the number of elements, then each element as a value.</li>
 * <li>M: the number of entries, then each entry's name (as an S value) and its value.</li>
 * <li>SS, NS, BS: the number of members, then each member as an S, N or B value, in the set's order.</li>
 * </ul>
 */
final class ValueFormat {
    static final byte NULL = 0;
    static final byte FALSE = 1;
    static final byte TRUE = 2;
    /** Text tags come in pairs: the Latin-1 form, then the UTF-8 form one higher. */
    static final byte S_LATIN1 = 3;
    static final byte S_UTF8 = 4;
    static final byte N_LATIN1 = 5;
    static final byte N_UTF8 = 6;
    static final byte B = 7;
    static final byte L = 8;
    static final byte M = 9;
    static final byte SS = 10;
    static final byte NS = 11;
    static final byte BS = 12;

    private ValueFormat() {
    }

    static int varintSize(int value) {
        int size = 1;
        while ((value >>>= 7) != 0) {
            size++;
        }
        return size;
    }

    /** The varint at {@code offset}. */
    static int readVarint(byte[] data, int offset) {
        int value = 0;
        int shift = 0;
        while (true) {
            byte b = data[offset++];
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
            shift += 7;
        }
    }
}

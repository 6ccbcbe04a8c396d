package io.kafkarest.consume.format;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format of schema formats: magic byte 0, the 4-byte big-endian schema id, then the payload
 * (for Protobuf: the message indexes, then the message).
 *
 * @param schemaId the registry's global id of the schema the payload was written with
 * @param payload  what follows the schema id (positioned at its start)
 */
record ConfluentWireFormat(int schemaId, ByteBuffer payload) {
    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    /**
     * Splits framed bytes into schema id and payload.
     *
     * @throws IllegalArgumentException saying why the bytes are not in the wire format
     */
    static ConfluentWireFormat read(byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new IllegalArgumentException("it is not in the Schema Registry wire format (" + bytes.length
                    + " bytes; a magic byte and a 4-byte schema id need " + HEADER_SIZE + ")");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException("it is not in the Schema Registry wire format (magic byte "
                    + (bytes[0] & 0xff) + ", expected " + MAGIC_BYTE + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        int id = buffer.getInt();
        return new ConfluentWireFormat(id, buffer.slice());
    }
}

package io.dynamokit.engine.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads what every request needs (the JSON parser and writer, the attribute value model) on a daemon thread while the
 * engine starts, instead of on its first request: in a fresh JVM that loading is a few tens of milliseconds, which
 * the first request would otherwise wait for, and the engine's start (storage, listening socket) runs meanwhile on
 * the other core. In a JVM that has loaded them already it costs a thread start and a few microseconds.
 */
public final class WarmUp {
    private static final byte[] REQUEST = ("{\"TableName\":\"warm-up\",\"Item\":{\"id\":{\"S\":\"a\"},"
            + "\"n\":{\"N\":\"1.50\"},\"b\":{\"BOOL\":true},\"l\":{\"L\":[{\"NULL\":true}]}}}")
            .getBytes(StandardCharsets.UTF_8);

    private WarmUp() {
    }

    public static void inBackground() {
        Thread thread = new Thread(WarmUp::run, "dynamokit-engine-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            Map<String, Object> request = Json.parseObject(REQUEST);
            Json.write(Map.of("Attributes", AttributeValues.item(request.get("Item"))));
        } catch (RuntimeException e) {
            // nothing is lost: the first request goes through the same code and reports what fails there
            Logger.getLogger(WarmUp.class.getName()).log(Level.FINE, "warm-up failed", e);
        }
    }
}

package io.dynamokit.runtime.http;

import java.util.List;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), written by hand so that the mappers need no JSON
 * library of the application's.
 */
final class ProblemJson {

    static final String MEDIA_TYPE = "application/problem+json";

    private final StringBuilder json = new StringBuilder(256).append('{');
    private final int status;

    ProblemJson(String type, String title, int status, String detail) {
        this.status = status;
        string("type", type);
        string("title", title);
        json.append(",\"status\":").append(status);
        string("detail", detail);
    }

    /** An extension member with a text value; left out when the value is null. */
    ProblemJson string(String name, String value) {
        if (value != null) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            quote(json, value);
        }
        return this;
    }

    ProblemJson number(String name, long value) {
        json.append(",\"").append(name).append("\":").append(value);
        return this;
    }

    ProblemJson strings(String name, List<String> values) {
        json.append(",\"").append(name).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, values.get(i));
        }
        json.append(']');
        return this;
    }

    Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(json + "}");
    }

    static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}

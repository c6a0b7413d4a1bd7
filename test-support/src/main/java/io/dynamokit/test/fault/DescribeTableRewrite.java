package io.dynamokit.test.fault;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes the status in DynamoDB's answer to a {@code DescribeTable} of one table: the table's own
 * ({@code Table.TableStatus}), or that of one of its global secondary indexes ({@code IndexStatus}).
 */
final class DescribeTableRewrite {

    private static final Pattern TABLE_STATUS = Pattern.compile("(\"TableStatus\"\\s*:\\s*\")[A-Za-z_]*(\")");
    private static final Pattern INDEX_STATUS = Pattern.compile("(\"IndexStatus\"\\s*:\\s*\")[A-Za-z_]*(\")");

    private final String tableName;
    private final String indexName;
    private final String status;

    DescribeTableRewrite(String tableName, String indexName, String status) {
        this.tableName = tableName;
        this.indexName = indexName;
        this.status = status;
    }

    /** Whether the request describes this table. */
    boolean matches(byte[] requestBody) {
        String name = JsonText.string(HttpWire.jsonMember(new String(requestBody, StandardCharsets.UTF_8),
                "TableName"));
        return tableName.equals(name);
    }

    /** The answer with the status replaced; unchanged when it holds no such table or index. */
    byte[] rewrite(byte[] responseBody) {
        String body = new String(responseBody, StandardCharsets.UTF_8);
        String table = HttpWire.jsonMember(body, "Table");
        if (table == null) {
            return responseBody;
        }
        String changed;
        if (indexName == null) {
            changed = replaceFirst(TABLE_STATUS, table);
        } else {
            changed = table;
            for (String index : JsonText.elements(HttpWire.jsonMember(table, "GlobalSecondaryIndexes"))) {
                if (indexName.equals(JsonText.string(HttpWire.jsonMember(index, "IndexName")))) {
                    changed = table.replace(index, replaceFirst(INDEX_STATUS, index));
                    break;
                }
            }
        }
        return body.replace(table, changed).getBytes(StandardCharsets.UTF_8);
    }

    private String replaceFirst(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        return matcher.find()
                ? json.substring(0, matcher.start()) + matcher.group(1) + status + matcher.group(2)
                        + json.substring(matcher.end())
                : json;
    }

    @Override
    public String toString() {
        return "DescribeTable " + tableName + (indexName == null ? "" : " index " + indexName) + " -> " + status;
    }
}

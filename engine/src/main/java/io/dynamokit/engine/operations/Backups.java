package io.dynamokit.engine.operations;

import io.dynamokit.engine.model.DynamoException;
import io.dynamokit.engine.protocol.Operation;
import io.dynamokit.engine.protocol.Request;
import io.dynamokit.engine.storage.Storage;
import java.util.List;
import java.util.Map;

/**
 * The describe calls of the features the engine does not have (point-in-time recovery, backups), answered as
 * DynamoDB answers them for a table without them, so that tools that ask do not fail.
 */
final class Backups {
    private Backups() {
    }

    /** DescribeContinuousBackups: continuous backups on, point-in-time recovery off, as for every new table. */
    static Operation describeContinuousBackups(Storage storage) {
        return request -> {
            String name = TimeToLiveSpecs.tableName(request);
            return storage.read(() -> {
                if (storage.find(name) == null) {
                    throw new DynamoException("com.amazonaws.dynamodb.v20120810#TableNotFoundException",
                            "Table not found: " + name, 400);
                }
                return Map.of("ContinuousBackupsDescription", Map.of(
                        "ContinuousBackupsStatus", "ENABLED",
                        "PointInTimeRecoveryDescription", Map.of("PointInTimeRecoveryStatus", "DISABLED")));
            });
        };
    }

    /** ListBackups: no table has a backup. */
    static Operation listBackups() {
        return Backups::listBackups;
    }

    private static Map<String, Object> listBackups(Request request) {
        String table = request.string("TableName");
        Long limit = request.integer("Limit");
        String backupType = request.string("BackupType");
        String start = request.string("ExclusiveStartBackupArn");
        Constraints c = new Constraints().name("tableName", table)
                .atLeast("limit", limit, 1).atMost("limit", limit, 100)
                .oneOf("backupType", backupType, "USER", "SYSTEM", "AWS_BACKUP", "ALL");
        if (start != null) {
            c.length("exclusiveStartBackupArn", start, start.length(), 37, 1024);
        }
        c.check();
        return Map.of("BackupSummaries", List.of());
    }
}

package io.dynamokit.runtime.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dynamokit.document.AttributeValues;
import io.dynamokit.document.GetOptions;
import io.dynamokit.document.Query;
import io.dynamokit.document.Scan;
import io.dynamokit.document.TransactGet;
import io.dynamokit.document.TransactWrite;
import io.dynamokit.document.WriteOptions;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * SDK requests built from the document client's plain-value specifications. Marshalling happens here, before anything
 * is sent. Every item, query, scan and transaction request carries the client's {@code ReturnConsumedCapacity}, if
 * it has one.
 */
final class Requests {

    private final ReturnConsumedCapacity returnConsumedCapacity;

    /**
     * @param returnConsumedCapacity what to ask DynamoDB to report about consumed capacity, {@code null} for nothing
     */
    Requests(ReturnConsumedCapacity returnConsumedCapacity) {
        this.returnConsumedCapacity = returnConsumedCapacity;
    }

    QueryRequest query(Query query) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(query.tableName())
                .returnConsumedCapacity(returnConsumedCapacity)
                .scanIndexForward(query.isForward())
                .consistentRead(query.isConsistentRead())
                .expressionAttributeNames(DefaultDocumentClient.namesOrNull(query.expressionNames()))
                .expressionAttributeValues(DefaultDocumentClient.valuesOrNull(query.expressionValues()));
        query.indexName().ifPresent(request::indexName);
        query.keyConditionExpression().ifPresent(request::keyConditionExpression);
        query.filterExpression().ifPresent(request::filterExpression);
        query.projectionExpression().ifPresent(request::projectionExpression);
        query.selectOption().ifPresent(request::select);
        query.pageSize().ifPresent(request::limit);
        query.exclusiveStartKey().ifPresent(key -> request.exclusiveStartKey(AttributeValues.toItem(key)));
        return request.build();
    }

    ScanRequest scan(Scan scan) {
        ScanRequest.Builder request = ScanRequest.builder().tableName(scan.tableName())
                .returnConsumedCapacity(returnConsumedCapacity)
                .consistentRead(scan.isConsistentRead())
                .expressionAttributeNames(DefaultDocumentClient.namesOrNull(scan.expressionNames()))
                .expressionAttributeValues(DefaultDocumentClient.valuesOrNull(scan.expressionValues()));
        scan.indexName().ifPresent(request::indexName);
        scan.filterExpression().ifPresent(request::filterExpression);
        scan.projectionExpression().ifPresent(request::projectionExpression);
        scan.selectOption().ifPresent(request::select);
        scan.pageSize().ifPresent(request::limit);
        scan.exclusiveStartKey().ifPresent(key -> request.exclusiveStartKey(AttributeValues.toItem(key)));
        scan.segmentNumber().ifPresent(request::segment);
        scan.totalSegmentCount().ifPresent(request::totalSegments);
        return request.build();
    }

    GetItemRequest getItem(String tableName, Map<String, ?> key, GetOptions options) {
        GetItemRequest.Builder request = GetItemRequest.builder().tableName(tableName)
                .returnConsumedCapacity(returnConsumedCapacity)
                .key(AttributeValues.toItem(key))
                .consistentRead(options.isConsistentRead())
                .expressionAttributeNames(DefaultDocumentClient.namesOrNull(options.expressionNames()));
        options.projectionExpression().ifPresent(request::projectionExpression);
        return request.build();
    }

    PutItemRequest putItem(String tableName, Map<String, ?> item, WriteOptions options) {
        return PutItemRequest.builder().tableName(tableName)
                .returnConsumedCapacity(returnConsumedCapacity)
                .item(AttributeValues.toItem(item))
                .returnValues(options.returnValuesOption())
                .conditionExpression(options.conditionExpression().orElse(null))
                .expressionAttributeNames(DefaultDocumentClient.namesOrNull(options.expressionNames()))
                .expressionAttributeValues(DefaultDocumentClient.valuesOrNull(options.expressionValues()))
                .build();
    }

    UpdateItemRequest updateItem(String tableName, Map<String, ?> key, String updateExpression,
            WriteOptions options) {
        return UpdateItemRequest.builder().tableName(tableName)
                .returnConsumedCapacity(returnConsumedCapacity)
                .key(AttributeValues.toItem(key))
                .updateExpression(updateExpression)
                .returnValues(options.returnValuesOption())
                .conditionExpression(options.conditionExpression().orElse(null))
                .expressionAttributeNames(DefaultDocumentClient.namesOrNull(options.expressionNames()))
                .expressionAttributeValues(DefaultDocumentClient.valuesOrNull(options.expressionValues()))
                .build();
    }

    DeleteItemRequest deleteItem(String tableName, Map<String, ?> key, WriteOptions options) {
        return DeleteItemRequest.builder().tableName(tableName)
                .returnConsumedCapacity(returnConsumedCapacity)
                .key(AttributeValues.toItem(key))
                .returnValues(options.returnValuesOption())
                .conditionExpression(options.conditionExpression().orElse(null))
                .expressionAttributeNames(DefaultDocumentClient.namesOrNull(options.expressionNames()))
                .expressionAttributeValues(DefaultDocumentClient.valuesOrNull(options.expressionValues()))
                .build();
    }

    TransactGetItemsRequest transactGet(List<TransactGet> reads) {
        List<TransactGetItem> items = new ArrayList<>(reads.size());
        for (TransactGet read : reads) {
            Get.Builder get = Get.builder().tableName(read.tableName()).key(AttributeValues.toItem(read.key()))
                    .expressionAttributeNames(DefaultDocumentClient.namesOrNull(read.expressionNames()));
            read.projectionExpression().ifPresent(get::projectionExpression);
            items.add(TransactGetItem.builder().get(get.build()).build());
        }
        return TransactGetItemsRequest.builder().transactItems(items).returnConsumedCapacity(returnConsumedCapacity)
                .build();
    }

    TransactWriteItemsRequest transactWrite(List<TransactWrite> actions) {
        List<TransactWriteItem> items = new ArrayList<>(actions.size());
        for (TransactWrite action : actions) {
            items.add(transactWriteItem(action));
        }
        return TransactWriteItemsRequest.builder().transactItems(items)
                .returnConsumedCapacity(returnConsumedCapacity).build();
    }

    static TransactWriteItem transactWriteItem(TransactWrite action) {
        String condition = action.conditionExpression().orElse(null);
        var names = DefaultDocumentClient.namesOrNull(action.expressionNames());
        var values = DefaultDocumentClient.valuesOrNull(action.expressionValues());
        var attributes = AttributeValues.toItem(action.attributes());
        return switch (action.kind()) {
            case PUT -> TransactWriteItem.builder().put(Put.builder().tableName(action.tableName()).item(attributes)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .build()).build();
            case UPDATE -> TransactWriteItem.builder().update(Update.builder().tableName(action.tableName())
                    .key(attributes).updateExpression(action.updateExpression().orElseThrow())
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .build()).build();
            case DELETE -> TransactWriteItem.builder().delete(Delete.builder().tableName(action.tableName())
                    .key(attributes).conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).build()).build();
            case CONDITION_CHECK -> TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                    .tableName(action.tableName()).key(attributes).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
        };
    }
}

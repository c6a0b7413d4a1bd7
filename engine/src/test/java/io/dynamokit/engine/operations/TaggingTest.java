package io.dynamokit.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamokit.engine.support.EngineTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;

class TaggingTest extends EngineTestBase {
    private String arn;

    @BeforeAll
    void createTable() {
        createHashTable("tagged", ScalarAttributeType.S);
        arn = dynamo.describeTable(r -> r.tableName("tagged")).table().tableArn();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private List<Tag> tagsOf(String resourceArn) {
        return dynamo.listTagsOfResource(r -> r.resourceArn(resourceArn)).tags();
    }

    @Test
    void tagsGivenAtCreationAreListedAndChangedByTagAndUntag() {
        dynamo.createTable(r -> r.tableName("born-tagged")
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST")
                .tags(tag("team", "forum"), tag("owner", "ann")));
        String bornArn = dynamo.describeTable(r -> r.tableName("born-tagged")).table().tableArn();
        assertThat(tagsOf(bornArn)).containsExactly(tag("team", "forum"), tag("owner", "ann"));

        dynamo.tagResource(r -> r.resourceArn(bornArn).tags(tag("team", "platform"), tag("env", "")));
        dynamo.untagResource(r -> r.resourceArn(bornArn).tagKeys("owner", "never-set"));

        var answer = dynamo.listTagsOfResource(r -> r.resourceArn(bornArn));
        assertThat(answer.tags()).containsExactly(tag("team", "platform"), tag("env", ""));
        assertThat(answer.nextToken()).isNull();
    }

    @Test
    void aTableWithoutTagsListsNone() {
        createHashTable("untagged", ScalarAttributeType.S);
        String untaggedArn = dynamo.describeTable(r -> r.tableName("untagged")).table().tableArn();
        assertThat(tagsOf(untaggedArn)).isEmpty();
    }

    @Test
    void aTableHoldsAtMostFiftyTagsCountedAfterTheMerge() {
        createHashTable("fifty", ScalarAttributeType.S);
        String fiftyArn = dynamo.describeTable(r -> r.tableName("fifty")).table().tableArn();
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v" + i));
        }
        dynamo.tagResource(r -> r.resourceArn(fiftyArn).tags(fifty));
        dynamo.tagResource(r -> r.resourceArn(fiftyArn).tags(tag("k0", "changed")));

        assertValidation(r -> r.resourceArn(fiftyArn).tags(tag("k50", "v")),
                "Number of Tags exceed the current limit for the provided ResourceArn");
        assertThat(tagsOf(fiftyArn)).hasSize(50).contains(tag("k0", "changed")).doesNotContain(tag("k50", "v"));
    }

    @Test
    void tagsAreCheckedBeforeAnyIsApplied() {
        assertValidation(r -> r.resourceArn(arn).tags(List.of()), "Atleast one Tag needs to be provided as Input.");
        assertValidation(r -> r.resourceArn(arn).tags(tag("good", "1"), tag("bad#char", "2")),
                "The Tag Key provided is invalid, Key: bad#char");
        assertValidation(r -> r.resourceArn(arn).tags(tag("k".repeat(129), "v")),
                "The Tag Key provided is invalid, Key: " + "k".repeat(129));
        assertValidation(r -> r.resourceArn(arn).tags(tag("good", "1"), tag("AWS:owner", "x")),
                "Tag Key cannot be prefixed with aws:, Key: AWS:owner");
        assertValidation(r -> r.resourceArn(arn).tags(tag("key", "v".repeat(257))),
                "The Tag Value provided is invalid, Value: " + "v".repeat(257));
        assertValidation(r -> r.resourceArn(arn).tags(tag("key", "a,b")),
                "The Tag Value provided is invalid, Value: a,b");
        assertValidation(r -> r.resourceArn(arn).tags(Tag.builder().key("key").build()),
                "The Tag Value provided is invalid, Value: null");
        assertValidation(r -> r.resourceArn(arn).tags(tag("dup", "1"), tag("dup", "2")),
                "Duplicate Tag Keys provided as input: Duplicate Tag Key found dup");
        assertThat(tagsOf(arn)).isEmpty();

        dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("ключ café", "a+b-c=d.e_f:g/h@i")));
        assertThat(tagsOf(arn)).containsExactly(tag("ключ café", "a+b-c=d.e_f:g/h@i"));
        dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("ключ café"));
    }

    @Test
    void untagResourceChecksItsKeys() {
        assertThatThrownBy(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys(List.of())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Atleast one Tag Key needs to be provided as Input.");
        assertThatThrownBy(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("")))
                .hasMessageStartingWith("The Tag Key provided is invalid, Key: ");
        assertThatThrownBy(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("aws:x")))
                .hasMessageStartingWith("Tag Key cannot be prefixed with aws:, Key: aws:x");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            keys.add("k" + i);
        }
        assertThatThrownBy(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys(keys)))
                .hasMessageStartingWith("Number of Tags exceed the current limit for the provided ResourceArn");
    }

    @Test
    void arnsAreCheckedAsDynamoDbChecksThem() {
        assertValidation(r -> r.resourceArn("not-a-valid-arn").tags(tag("k", "v")),
                "One or more parameter values were invalid: ARNs must start with 'arn:': not-a-valid-arn");
        assertValidation(r -> r.resourceArn("arn:aws:dynamodb:eu-west-1").tags(tag("k", "v")),
                "Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:eu-west-1");
        assertValidation(r -> r.resourceArn(arn + "/index/byX").tags(tag("k", "v")),
                "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is "
                        + "accepted. Provided resource arn: " + arn + "/index/byX");
        String backup = "arn:aws:dynamodb:eu-west-1:000000000000:backup/01";
        assertValidation(r -> r.resourceArn(backup).tags(tag("k", "v")),
                "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + backup);
        String shortName = "arn:aws:dynamodb:eu-west-1:000000000000:table/ab";
        assertValidation(r -> r.resourceArn(shortName).tags(tag("k", "v")),
                "Invalid TableArn: Invalid ResourceArn provided as input " + shortName);

        String otherAccount = "arn:aws:dynamodb:eu-west-1:123456789012:table/tagged";
        assertThatThrownBy(() -> dynamo.tagResource(r -> r.resourceArn(otherAccount).tags(tag("k", "v"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root "
                            + "is not authorized to perform: dynamodb:TagResource on resource: " + otherAccount
                            + " because no resource-based policy allows the dynamodb:TagResource action");
                });
    }

    @Test
    void anArnOfNoTableIsNotFoundForChangesAndDeniedForListing() {
        String missing = "arn:aws:dynamodb:eu-west-1:000000000000:table/missing";
        assertThatThrownBy(() -> dynamo.tagResource(r -> r.resourceArn(missing).tags(tag("k", "v"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: ResourceArn: " + missing + " not found");
        assertThatThrownBy(() -> dynamo.untagResource(r -> r.resourceArn(missing).tagKeys("k")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: ResourceArn: " + missing + " not found");
        assertThatThrownBy(() -> dynamo.listTagsOfResource(r -> r.resourceArn(missing)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    }

    @Test
    void requiredMembersAreNamedInDynamoDbsConstraintMessage() {
        RawAnswer answer = post("TagResource", "{\"ResourceArn\":\"" + arn + "\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("1 validation error detected: Value null at 'tags' failed to satisfy "
                + "constraint: Member must not be null");
        answer = post("UntagResource", "{}");
        assertThat(answer.body()).contains("2 validation errors detected: Value null at 'resourceArn' failed to "
                + "satisfy constraint: Member must not be null; Value null at 'tagKeys' failed to satisfy "
                + "constraint: Member must not be null");
        answer = post("TagResource", "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Value\":\"v\"}]}");
        assertThat(answer.body()).contains("The Tag Key provided is invalid, Key: null");
    }

    private void assertValidation(Consumer<TagResourceRequest.Builder> request, String message) {
        assertThatThrownBy(() -> dynamo.tagResource(request))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }
}

package io.dynamokit.it.forum;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A thread of the forum, as the API reads and writes it. {@code forumName} and {@code subject} are the table's keys.
 */
public record ForumThread(
        String forumName,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank String message,
        @NotBlank String lastPostedBy,
        String lastPostDateTime,
        List<String> tags,
        long replies) {
}

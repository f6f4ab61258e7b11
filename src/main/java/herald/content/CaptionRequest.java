package herald.content;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What to write a caption about.
 *
 * @param platform a provider key: {@code x}, {@code facebook}, {@code instagram}, {@code linkedin}, {@code sandbox}
 * @param tone {@code professional}, {@code casual}, {@code humorous}, {@code promotional} or {@code educational}; the
 *     persona's tone when null
 * @param personaId the persona; the workspace's default persona when null
 * @param itemName what the post is about (a dish, a product, an event)
 * @param itemDescription more about it
 * @param context anything else (an occasion, an offer, a date)
 * @param postType {@code promotional}, {@code product_showcase}, {@code weekend_driver}, {@code engagement_poll},
 *     {@code customer_appreciation}, or null for a general post
 * @param variants how many different captions, 1–5
 * @param mode {@code auto} (AI when available, else templates), {@code ai} (AI or an error) or {@code template}
 * @param batch groups the generations of one calendar run, null otherwise
 */
public record CaptionRequest(
        String platform,
        @Nullable String tone,
        @Nullable UUID personaId,
        @Nullable String itemName,
        @Nullable String itemDescription,
        @Nullable String context,
        @Nullable String postType,
        int variants,
        String mode,
        @Nullable UUID batch) {}

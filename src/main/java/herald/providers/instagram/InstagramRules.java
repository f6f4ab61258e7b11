package herald.providers.instagram;

import herald.providers.PublishRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Instagram's content publishing takes (platform-contracts.md 3.1) that {@link herald.providers.ContentRules}
 * cannot say: media required, JPEG images only (PNG and GIF are converted by Herald on the way out, see
 * {@link InstagramProvider#jpegImagesOnly()}; WebP cannot be), 8 MiB images, MP4/MOV videos, a hashtag limit.
 */
final class InstagramRules {

    static final String JPEG = "image/jpeg";
    /** Images Herald turns into JPEG when Instagram fetches them. */
    static final Set<String> CONVERTED = Set.of("image/png", "image/gif", "image/bmp");

    static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");
    private static final Pattern HASHTAG =
            Pattern.compile("(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}_]*[\\p{L}_][\\p{L}\\p{N}_]*");

    private final InstagramSettings settings;

    InstagramRules(InstagramSettings settings) {
        this.settings = settings;
    }

    List<String> problems(String text, List<PublishRequest.Media> media) {
        List<String> problems = new ArrayList<>();
        if (media.isEmpty()) {
            problems.add("Instagram posts need at least one image or video.");
        }
        long hashtags = HASHTAG.matcher(text).results().count();
        if (hashtags > settings.maxHashtags()) {
            problems.add(hashtags + " hashtags, at most " + settings.maxHashtags() + " on Instagram.");
        }
        for (int i = 0; i < media.size(); i++) {
            PublishRequest.Media medium = media.get(i);
            String which = (media.size() == 1 ? "the " : (i + 1) + ". ") + medium.kind();
            if ("image".equals(medium.kind())) {
                if (CONVERTED.contains(medium.contentType())) {
                    continue; // Instagram receives a JPEG copy; Herald makes it when Instagram fetches the image
                }
                if (!JPEG.equals(medium.contentType())) {
                    problems.add("Instagram takes JPEG images only, and Herald cannot convert " + which + " ("
                            + medium.contentType() + "). Export it as JPEG (quality 90 or so keeps it sharp) and"
                            + " attach that instead.");
                } else if (medium.sizeBytes() > settings.maxImageSize().toBytes()) {
                    problems.add("Instagram takes images up to "
                            + settings.maxImageSize().toMegabytes() + " MB, and " + which + " has "
                            + medium.sizeBytes() / (1024 * 1024) + " MB.");
                }
            } else if ("video".equals(medium.kind())) {
                if (!VIDEO_TYPES.contains(medium.contentType())) {
                    problems.add(
                            "Instagram takes videos as MP4 or MOV, and " + which + " is " + medium.contentType() + ".");
                } else if (medium.sizeBytes() > settings.maxVideoSize().toBytes()) {
                    problems.add("Instagram takes videos up to "
                            + settings.maxVideoSize().toMegabytes() + " MB.");
                }
            }
        }
        return problems;
    }
}

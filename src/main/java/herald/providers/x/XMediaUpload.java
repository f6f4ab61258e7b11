package herald.providers.x;

import herald.providers.MediaDownloads;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.vault.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * X's v2 chunked media upload (platform-contracts.md 1.4): initialize, append the bytes in chunks, finalize, then poll
 * the status while X processes a video or GIF, and set the alt text. Each finished medium is noted in the target's
 * {@link PublishJournal}, so that a retry of the same post attaches it again instead of uploading it again while X
 * still keeps it.
 */
final class XMediaUpload {

    /** How X's processing wait is spent; tests replace it to run without sleeping. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** A journaled medium is used again only while X keeps it this much longer: long enough to post it. */
    private static final Duration REUSE_MARGIN = Duration.ofMinutes(15);

    private static final Duration MAX_CHECK_AFTER = Duration.ofSeconds(30);

    private final XClientSettings settings;
    private final XApiClient api;
    private final XErrors errors;
    private final MediaDownloads downloads;
    private final Clock clock;
    private final Pause pause;

    XMediaUpload(
            XClientSettings settings,
            XApiClient api,
            XErrors errors,
            MediaDownloads downloads,
            Clock clock,
            Pause pause) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.downloads = downloads;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * X's media ids for {@code media}, in order, uploading only what the journal holds no usable id for. Each medium is
     * noted once X has it processed, so a note always names a medium X can attach.
     */
    List<String> upload(Secret token, List<PublishRequest.Media> media, PublishJournal journal) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            PublishRequest.Media medium = media.get(i);
            String key = "x.media." + i;
            Optional<String> noted = journal.get(key).filter(note -> usable(note, medium));
            if (noted.isPresent()) {
                ids.add(noted.get().split(" ")[0]);
                continue;
            }
            Uploaded uploaded = uploadOne(token, medium, i + 1);
            journal.put(key, uploaded.id() + " " + uploaded.keptUntil().getEpochSecond() + " " + medium.sizeBytes());
            ids.add(uploaded.id());
        }
        return ids;
    }

    /** A medium X has, and until when it keeps it for a post to attach. */
    private record Uploaded(String id, Instant keptUntil) {}

    private boolean usable(String note, PublishRequest.Media medium) {
        String[] parts = note.split(" ");
        if (parts.length != 3) {
            return false;
        }
        try {
            Instant keptUntil = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            return parts[0].matches("[0-9]{1,19}")
                    && Long.parseLong(parts[2]) == medium.sizeBytes()
                    && keptUntil.isAfter(clock.instant().plus(REUSE_MARGIN));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Uploaded uploadOne(Secret token, PublishRequest.Media medium, int number) {
        String what = "the upload of medium " + number;
        // The medium is opened first: one Herald cannot read never starts an upload at X.
        try (InputStream in = downloads.open(XErrors.PROVIDER, medium)) {
            var init = new LinkedHashMap<String, Object>();
            init.put("media_type", XContent.type(medium));
            init.put("total_bytes", medium.sizeBytes());
            init.put("media_category", category(medium));
            JsonNode started =
                    data(api.postJson(settings.upload("/2/media/upload/initialize"), token, init, what), what);
            String id = id(started, what);
            append(token, in, medium.sizeBytes(), id, what);
            JsonNode done =
                    data(api.postEmpty(settings.upload("/2/media/upload/" + id + "/finalize"), token, what), what);
            long keptFor = done.path("expires_after_secs")
                    .asLong(started.path("expires_after_secs").asLong(3600));
            Instant keptUntil = clock.instant().plusSeconds(keptFor);
            awaitProcessing(token, id, done.path("processing_info"), what);
            if (!medium.altText().isBlank()) {
                describe(token, id, medium.altText(), what);
            }
            return new Uploaded(id, keptUntil);
        } catch (IOException e) {
            throw new ProviderException(
                    XErrors.PROVIDER,
                    Kind.TRANSIENT,
                    "Herald could not read a medium of the post from its asset library: " + e.getMessage(),
                    null,
                    e);
        }
    }

    /** Appends the bytes in segments of the configured size, larger when X's 1,000 segments would not hold them. */
    private void append(Secret token, InputStream in, long size, String id, String what) throws IOException {
        int chunkSize = (int) Math.max(settings.chunkSize().toBytes(), (size + 999) / 1000);
        long sent = 0;
        for (int segment = 0; ; segment++) {
            byte[] chunk = in.readNBytes(chunkSize);
            if (chunk.length == 0) {
                break;
            }
            PlatformAnswer answer =
                    api.append(settings.upload("/2/media/upload/" + id + "/append"), token, chunk, segment, what);
            if (!answer.ok()) {
                throw errors.failure(answer, what);
            }
            sent += chunk.length;
        }
        if (sent != size) {
            throw new ProviderException(
                    XErrors.PROVIDER,
                    Kind.TRANSIENT,
                    "A medium of the post was shorter than the library recorded; Herald will try again.");
        }
    }

    /** Polls the status while X processes the medium, at the pace X asks for, up to the processing timeout. */
    private void awaitProcessing(Secret token, String id, JsonNode info, String what) {
        Duration waited = Duration.ZERO;
        while (info.isObject()) {
            String state = info.path("state").asString("");
            if ("succeeded".equals(state)) {
                return;
            }
            if ("failed".equals(state)) {
                String message = info.path("error").path("message").asString("");
                throw new ProviderException(
                        XErrors.PROVIDER,
                        Kind.INVALID_CONTENT,
                        "X could not process a medium of the post" + (message.isBlank() ? "." : ": " + message));
            }
            Duration wait =
                    Duration.ofSeconds(Math.max(1, info.path("check_after_secs").asLong(1)));
            wait = wait.compareTo(MAX_CHECK_AFTER) > 0 ? MAX_CHECK_AFTER : wait;
            waited = waited.plus(wait);
            if (waited.compareTo(settings.processingTimeout()) > 0) {
                throw new ProviderException(
                        XErrors.PROVIDER,
                        Kind.TRANSIENT,
                        "X is still processing a medium of the post after "
                                + settings.processingTimeout().toSeconds() + " seconds; Herald will try again.");
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(
                        XErrors.PROVIDER, Kind.TRANSIENT, "Herald stopped waiting for X to process a medium.");
            }
            String status = settings.upload("/2/media/upload") + "?command=STATUS&media_id=" + id;
            info = data(api.get(java.net.URI.create(status), token, what), what).path("processing_info");
        }
    }

    private void describe(Secret token, String id, String altText, String what) {
        var body = Map.of(
                "id",
                id,
                "metadata",
                Map.of("alt_text", Map.of("text", altText.length() > 1000 ? altText.substring(0, 1000) : altText)));
        PlatformAnswer answer =
                api.postJson(settings.upload("/2/media/metadata"), token, body, "the alt text of " + what);
        if (!answer.ok()) {
            throw errors.failure(answer, "the alt text of " + what);
        }
    }

    private JsonNode data(PlatformAnswer answer, String what) {
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode data = errors.parse(answer, what).path("data");
        if (!data.isObject()) {
            throw new ProviderException(XErrors.PROVIDER, Kind.TRANSIENT, "X answered " + what + " without data.");
        }
        return data;
    }

    private static String id(JsonNode data, String what) {
        String id = data.path("id").asString("");
        if (!id.matches("[0-9]{1,19}")) {
            throw new ProviderException(
                    XErrors.PROVIDER, Kind.TRANSIENT, "X answered " + what + " without a media id.");
        }
        return id;
    }

    static String category(PublishRequest.Media medium) {
        if (XContent.isVideo(medium)) {
            return "tweet_video";
        }
        return XContent.isGif(medium) ? "tweet_gif" : "tweet_image";
    }
}

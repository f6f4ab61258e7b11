package herald.content;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import jakarta.annotation.PreDestroy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2, in process: the model ships inside its Maven artifact, nothing is downloaded. It is loaded once per
 * JVM (about 3 s), in the background when the application is ready, or by the first text that needs it; the loaded
 * model is thread-safe. Vectors have {@link #DIMENSIONS} dimensions and length 1, so a dot product is the cosine.
 */
@Component
class Embedder {

    static final int DIMENSIONS = 384;
    static final String MODEL = "all-minilm-l6-v2";

    private static final Logger log = LoggerFactory.getLogger(Embedder.class);

    /** How long shutting down waits for a load in progress (the model takes about 3 s). */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private volatile @Nullable Thread loading;

    /** The model, loaded once on first access (class initialization is lazy and thread-safe). */
    private static final class Model {
        static final EmbeddingModel INSTANCE = load();

        private static EmbeddingModel load() {
            long started = System.nanoTime();
            EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
            model.embed("warm up");
            log.info("Loaded the {} embedding model in {} ms", MODEL, (System.nanoTime() - started) / 1_000_000);
            return model;
        }
    }

    Embedder(@Value("${herald.data-dir:.herald}") String dataDir) {
        // DJL extracts the tokenizer's native library into a cache folder, ~/.djl.ai unless told otherwise: keep it in
        // Herald's data folder unless the operator chose a place (DJL_CACHE_DIR or ENGINE_CACHE_DIR) already.
        if (System.getProperty("DJL_CACHE_DIR") == null
                && System.getenv("DJL_CACHE_DIR") == null
                && System.getProperty("ENGINE_CACHE_DIR") == null
                && System.getenv("ENGINE_CACHE_DIR") == null) {
            System.setProperty(
                    "DJL_CACHE_DIR", Path.of(dataDir, "djl").toAbsolutePath().toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInTheBackground() {
        loading = Thread.ofPlatform().daemon().name("embedding-model-load").start(() -> {
            try {
                var ignored = Model.INSTANCE;
            } catch (RuntimeException | Error e) {
                log.error("Could not load the {} embedding model: {}", MODEL, e.toString());
            }
        });
    }

    /**
     * Waits for a background load still in progress: the JVM exiting while ONNX Runtime builds its session in native
     * code crashes it (SIGSEGV and an hs_err file), as when Herald is stopped within seconds of starting.
     */
    @PreDestroy
    void awaitLoading() throws InterruptedException {
        Thread thread = loading;
        if (thread != null && thread.isAlive() && !thread.join(LOAD_WAIT)) {
            log.warn("Stopping while the {} embedding model is still loading", MODEL);
        }
    }

    /** The text's vector, normalized to length 1. */
    float[] embed(String text) {
        float[] vector;
        try {
            vector = Model.INSTANCE.embed(text).content().vector();
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new IllegalStateException("The " + MODEL + " embedding model could not be loaded", e);
        }
        if (vector.length != DIMENSIONS) {
            throw new IllegalStateException("The embedding model gave " + vector.length + " dimensions");
        }
        return normalized(vector);
    }

    static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        double norm = Math.sqrt(sum);
        float[] result = new float[vector.length];
        if (norm == 0) {
            return result;
        }
        for (int i = 0; i < vector.length; i++) {
            result[i] = (float) (vector[i] / norm);
        }
        return result;
    }

    /** The cosine of two normalized vectors. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return Math.max(-1, Math.min(1, sum));
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] vector(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}

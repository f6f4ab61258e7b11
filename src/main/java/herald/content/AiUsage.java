package herald.content;

/**
 * Tokens one generation (or several) used and the estimated cost in millionths of the configured currency unit.
 */
public record AiUsage(long promptTokens, long completionTokens, long costMicros) {

    public static final AiUsage NONE = new AiUsage(0, 0, 0);

    public AiUsage plus(AiUsage other) {
        return new AiUsage(
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                costMicros + other.costMicros);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}

package herald.identity;

/** A newly created key together with its token, which is shown this once and stored only as a hash. */
public record IssuedApiKey(ApiKey key, String token) {

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", token=<hidden>]";
    }
}

package herald.assets;

import java.util.List;

/** What a person says about a file they upload; its type, size and hash come from the bytes. */
public record Upload(String filename, List<String> tags, String altText, String description) {

    public static Upload named(String filename) {
        return new Upload(filename, List.of(), "", "");
    }
}

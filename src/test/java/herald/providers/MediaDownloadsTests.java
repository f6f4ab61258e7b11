package herald.providers;

import java.util.List;

public class MediaDownloadsTests {

    /** A reader of Herald's media at {@code publicUrl}, for the tests of providers in other packages. */
    public static MediaDownloads reading(String publicUrl) {
        return new MediaDownloads(publicUrl, List.of());
    }
}

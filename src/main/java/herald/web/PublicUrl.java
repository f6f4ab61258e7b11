package herald.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Herald's address as people and programs reach it ({@code HERALD_PUBLIC_URL}), for the links Herald hands out. */
@Component
public class PublicUrl {

    private final String base;

    PublicUrl(@Value("${herald.public-url}") String url) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code path}, which starts with a slash, under Herald's public address. */
    public String resolve(String path) {
        return base + path;
    }
}

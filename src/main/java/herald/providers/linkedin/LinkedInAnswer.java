package herald.providers.linkedin;

import org.springframework.http.HttpHeaders;

/** One HTTP answer of LinkedIn, read whole: the status decides how its body is read. */
record LinkedInAnswer(int status, HttpHeaders headers, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}

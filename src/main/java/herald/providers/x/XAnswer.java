package herald.providers.x;

import org.springframework.http.HttpHeaders;

/** One HTTP answer of X, read whole: the status decides how its body is read. */
record XAnswer(int status, HttpHeaders headers, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}

package herald.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.springframework.http.ContentDisposition;

/** Starts a CSV file download: UTF-8, saved as {@code filename} rather than shown. */
public final class CsvDownload {

    private CsvDownload() {}

    /** The writer of the file's content, once the headers are set. */
    public static Writer start(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment().filename(filename).build().toString());
        return response.getWriter();
    }
}

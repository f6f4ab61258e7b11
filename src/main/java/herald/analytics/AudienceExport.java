package herald.analytics;

import herald.shared.SpreadsheetCell;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A period's audience as a CSV file beside the posts' figures ({@link FiguresExport}): one line per account and daily
 * snapshot, oldest first, with the followers, following and posts the platform gave (empty where it gives none).
 */
@Component
public class AudienceExport {

    static final List<String> HEADER = List.of("day", "account", "platform", "followers", "following", "posts");

    private final Audience audience;

    AudienceExport(Audience audience) {
        this.audience = audience;
    }

    /** Writes the period's snapshots; how many lines were written. */
    public int write(WorkspaceId workspace, AnalyticsQuery query, Writer out) throws IOException {
        int written = 0;
        try (CSVPrinter csv =
                CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(out)) {
            csv.printRecord(HEADER);
            for (AudienceReport.Account account :
                    audience.report(workspace, query).accounts()) {
                for (AudienceReport.Day day : account.days()) {
                    csv.printRecord(
                            day.day(),
                            SpreadsheetCell.text(account.account()),
                            account.provider(),
                            day.followers(),
                            day.following() == null ? "" : day.following(),
                            day.posts() == null ? "" : day.posts());
                    written++;
                }
            }
        }
        return written;
    }

    /** {@code acme-audience-2026-11-04-to-2026-12-03.csv} */
    public static String filename(String slug, AnalyticsQuery query) {
        return slug + "-audience-" + query.from() + "-to-" + query.to() + ".csv";
    }
}

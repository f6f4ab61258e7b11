package herald.web.api.paging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a listing. {@code nextCursor} fetches the next page and is null on the last one. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as ?cursor= to get the next page; null on the last page.", nullable = true)
                @Nullable
                String nextCursor) {}

package herald.web.api.reviews;

import herald.connections.ConnectionId;
import herald.reviews.ReviewLink;
import herald.reviews.ReviewLinkDraft;
import herald.reviews.ReviewLinkId;
import herald.reviews.ReviewLinks;
import herald.web.CurrentWorkspace;
import herald.web.PublicUrl;
import herald.web.api.ApiPaths;
import herald.web.api.idempotency.OneTimeSecrets;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/review-links")
@Tag(
        name = "Review links",
        description = "Links that show a client the posts of a date range to comment on and, when allowed, approve;"
                + " no Herald account needed. The URL is shown once, at creation.")
class ReviewLinkController {

    private static final String LISTING = "review-links";

    private final ReviewLinks links;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ReviewLinkController(ReviewLinks links, PublicUrl publicUrl, Clock clock) {
        this.links = links;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @PostMapping
    @Operation(
            operationId = "createReviewLink",
            summary = "Create a review link",
            description = "Answers 201 with the link and its URL, which is shown in this response only.")
    ResponseEntity<NewReviewLink> create(
            CurrentWorkspace current, @RequestBody CreateReviewLink request, HttpServletRequest http) {
        var draft = new ReviewLinkDraft(
                request.label(),
                request.from(),
                request.to(),
                request.accountIds() == null
                        ? List.of()
                        : request.accountIds().stream().map(ConnectionId::new).toList(),
                request.tag(),
                Boolean.TRUE.equals(request.mayApprove()),
                request.expiresInDays());
        var issued = links.create(current.id(), draft, null);
        OneTimeSecrets.mark(http, "/url");
        return ResponseEntity.created(
                        URI.create(http.getRequestURI() + "/" + issued.link().id()))
                .body(new NewReviewLink(
                        ReviewLinkView.of(issued.link(), clock.instant()),
                        publicUrl.resolve("/review/" + issued.token())));
    }

    @GetMapping
    @Operation(
            operationId = "listReviewLinks",
            summary = "List review links",
            description = "Newest first, expired and revoked ones included.")
    Page<ReviewLinkView> list(CurrentWorkspace current, @Valid PageRequest page) {
        var after = page.afterTimeAndId(LISTING, ReviewLinks.After::new);
        Instant now = clock.instant();
        return page.pageByTimeAndId(
                links.page(current.id(), after, page.fetchSize()),
                link -> ReviewLinkView.of(link, now),
                LISTING,
                ReviewLink::createdAt,
                ReviewLink::id);
    }

    @GetMapping("/{linkId}")
    @Operation(operationId = "getReviewLink", summary = "Get a review link")
    ReviewLinkView get(CurrentWorkspace current, @PathVariable UUID linkId) {
        return ReviewLinkView.of(links.require(current.id(), new ReviewLinkId(linkId)), clock.instant());
    }

    @DeleteMapping("/{linkId}")
    @Operation(
            operationId = "revokeReviewLink",
            summary = "Revoke a review link",
            description = "The link stops working at once. Revoking a revoked link changes nothing. Answers the link.")
    ReviewLinkView revoke(CurrentWorkspace current, @PathVariable UUID linkId) {
        return ReviewLinkView.of(links.revoke(current.id(), new ReviewLinkId(linkId)), clock.instant());
    }
}

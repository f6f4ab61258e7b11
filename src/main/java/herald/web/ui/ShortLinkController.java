package herald.web.ui;

import herald.publishing.ShortLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where a published short link leads ({@link ShortLinks}, docs/short-links.md): a 302 to the link, counting the click
 * unless it came from a robot that fetches links for their previews (every platform's does, as soon as a post is
 * published) or is a HEAD. Anyone may follow a short link, signed in or not; an unknown code is a plain 404 page.
 */
@Controller
class ShortLinkController {

    /**
     * Link-preview fetchers, crawlers and command-line clients, by their User-Agent: their visits are not clicks.
     * Twitterbot, facebookexternalhit, LinkedInBot, Slackbot, Discordbot, TelegramBot, WhatsApp, Googlebot and the like.
     */
    static final Pattern ROBOTS = Pattern.compile(
            "bot\\b|bot/|crawler|spider|slurp|facebookexternalhit|facebookcatalog|embedly|whatsapp|skypeuripreview"
                    + "|vkshare|pinterest|quora link preview|outbrain|iframely|curl/|wget/|python-requests|go-http-client",
            Pattern.CASE_INSENSITIVE);

    private final ShortLinks links;

    ShortLinkController(ShortLinks links) {
        this.links = links;
    }

    @RequestMapping(
            value = ShortLinks.PATH + "{code}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ModelAndView follow(@PathVariable String code, HttpServletRequest request) {
        boolean count = "GET".equals(request.getMethod()) && !robot(request.getHeader(HttpHeaders.USER_AGENT));
        return links.follow(code, count)
                .map(url -> {
                    var redirect = new RedirectView(location(url), false, false, false);
                    redirect.setStatusCode(HttpStatus.FOUND);
                    redirect.setExposeModelAttributes(false);
                    return new ModelAndView(redirect);
                })
                .orElseGet(() -> links.turnedOff(code)
                        ? gone()
                        : notFound(
                                "short-link-unknown",
                                "This link leads nowhere",
                                "No post has this short link. Check that the address was copied whole, or ask whoever"
                                        + " shared it for the link again."));
    }

    /** A short link its workspace turned off: 410, so that a reader (and a crawler) knows it is gone for good. */
    private static ModelAndView gone() {
        var page = notFound(
                "short-link-off",
                "This link was turned off",
                "Whoever shared it turned it off, so it no longer leads anywhere. Ask them for the page you were"
                        + " looking for.");
        page.setStatus(HttpStatus.GONE);
        return page;
    }

    /** The 404 page of a public address (a short link, a link-in-bio page) that leads nowhere. */
    static ModelAndView notFound(String test, String heading, String lede) {
        var page = new ModelAndView("public/not-found");
        page.addObject("test", test);
        page.addObject("heading", heading);
        page.addObject("lede", lede);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    /** No User-Agent at all is a program too. */
    static boolean robot(@Nullable String userAgent) {
        return userAgent == null
                || userAgent.isBlank()
                || ROBOTS.matcher(userAgent).find();
    }

    /**
     * The link as a {@code Location} header can carry it: what is not printable ASCII percent-encoded as UTF-8, what is
     * (percent escapes the link has already included) left as written.
     */
    static String location(String url) {
        var out = new ByteArrayOutputStream();
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                out.write(c);
            } else {
                byte[] escaped = String.format(Locale.ROOT, "%%%02X", c).getBytes(StandardCharsets.US_ASCII);
                out.write(escaped, 0, escaped.length);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}

package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortLinkControllerTest {

    @Test
    void previewRobotsCrawlersAndProgramsAreNotPeople() {
        for (String robot : new String[] {
            "Twitterbot/1.0",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "TelegramBot (like TwitterBot)",
            "WhatsApp/2.23.20.0",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "curl/8.5.0",
            "",
        }) {
            assertThat(ShortLinkController.robot(robot)).as(robot).isTrue();
        }
        assertThat(ShortLinkController.robot(null)).isTrue();
        for (String person : new String[] {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Linux; Android 14; CUBOT_X70) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
        }) {
            assertThat(ShortLinkController.robot(person)).as(person).isFalse();
        }
    }

    @Test
    void aLocationCarriesOnlyPrintableAsciiAndKeepsEscapesAsWritten() {
        assertThat(ShortLinkController.location("https://café.example/menü?q=a%20b&x=ü"))
                .isEqualTo("https://caf%C3%A9.example/men%C3%BC?q=a%20b&x=%C3%BC");
        assertThat(ShortLinkController.location("https://a.example/p?q=1#frag"))
                .isEqualTo("https://a.example/p?q=1#frag");
    }
}

package herald.providers.linkedin;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.vault.Secret;
import java.util.Optional;

/**
 * The author URN a connection's handle stands for (see {@link Urns}): a member's is their person URN; a page's is
 * found by its vanity name through the organizations finder, once per publish target (it is noted in the journal).
 */
final class Authors {

    static final String NOTE = "linkedin.author";

    private final LinkedInApi api;
    private final LinkedInErrors errors;

    Authors(LinkedInApi api, LinkedInErrors errors) {
        this.api = api;
        this.errors = errors;
    }

    String urn(Secret token, String handle, PublishJournal journal) {
        if (!Urns.page(handle)) {
            return Urns.PERSON + handle;
        }
        Optional<String> noted = journal.get(NOTE);
        if (noted.isPresent()) {
            return noted.get();
        }
        String urn = page(token, handle.substring(Urns.COMPANY.length()));
        journal.put(NOTE, urn);
        return urn;
    }

    private String page(Secret token, String vanityName) {
        if (vanityName.chars().allMatch(Character::isDigit) && !vanityName.isEmpty()) {
            return Urns.ORGANIZATION + vanityName;
        }
        String what = "the page linkedin.com/company/" + vanityName;
        PlatformAnswer answer =
                api.get(token, "/rest/organizations?q=vanityName&vanityName=" + Urns.encode(vanityName), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what, "r_organization_admin");
        }
        for (var organization : errors.parse(answer, what).path("elements")) {
            String id = organization.path("id").asString("");
            if (!id.isBlank()) {
                return Urns.ORGANIZATION + id;
            }
        }
        throw new ProviderException(
                LinkedInProvider.ID,
                Kind.PERMISSION,
                "LinkedIn has no page linkedin.com/company/" + vanityName
                        + " any more (renamed?): reconnect the page in Herald.");
    }
}

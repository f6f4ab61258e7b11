package herald.tenancy;

/** A new invitation with its token, which is shown once (as a link) and stored only as a hash. */
public record IssuedInvitation(Invitation invitation, String token) {

    @Override
    public String toString() {
        return "IssuedInvitation[invitation=" + invitation + ", token=<hidden>]";
    }
}

package herald.web.ui;

import herald.tenancy.SignUp;
import org.jspecify.annotations.Nullable;

/** The sign-up form as submitted; absent fields are empty. */
public record SignUpForm(
        @Nullable String email,
        @Nullable String displayName,
        @Nullable String password,
        @Nullable String workspaceName,
        @Nullable String timezone) {

    public SignUpForm {
        email = email == null ? "" : email.strip();
        displayName = displayName == null ? "" : displayName.strip();
        password = password == null ? "" : password;
        workspaceName = workspaceName == null ? "" : workspaceName.strip();
        timezone = timezone == null ? "" : timezone.strip();
    }

    static SignUpForm blank(String email) {
        return new SignUpForm(email, "", "", "", "UTC");
    }

    /** The form to show again after an error: a password is never sent back to the browser. */
    SignUpForm withoutPassword() {
        return new SignUpForm(email, displayName, "", workspaceName, timezone);
    }

    SignUp.Form toSignUp(boolean withWorkspace) {
        return new SignUp.Form(
                email,
                password,
                displayName,
                withWorkspace ? workspaceName : null,
                timezone.isBlank() ? "UTC" : timezone);
    }

    @Override
    public String toString() {
        return "SignUpForm[email=" + email + ", workspaceName=" + workspaceName + ", password=<hidden>]";
    }
}

package io.liveload.demo.internal.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveload.demo.internal.live.Changes;
import io.liveload.demo.internal.live.Flash;
import io.liveload.demo.internal.live.LiveView;
import io.liveload.demo.internal.live.ViewContext;
import io.liveload.demo.internal.render.Html;
import io.liveload.demo.internal.render.Rendered;
import io.liveload.demo.internal.render.Template;
import io.liveload.demo.internal.security.Tokens;

/**
 * The settings page ({@code /profile/settings}, logged-in users only): a username form that
 * validates on change ({@code validate}) and saves on submit ({@code save}).
 *
 * <p>A username is valid with 2 to 30 letters, digits or underscores. On change, the error is
 * hidden while the field carries LiveView's {@code _unused_} marker, as {@code used_input?/1}
 * does. A valid submit updates the user, shows the flash "Settings saved" and {@code #saved}.
 */
final class SettingsView extends LiveView {
    static final String INVALID_USERNAME = "must be 2-30 letters, digits or _";
    static final String LOGIN_REQUIRED = "You must log in to access this page.";

    private static final Template CONTENT = Template.fragment(
            "<h1>Profile Settings</h1>\n<p>Logged in as <span id=\"current-user\">", "</span></p>\n", "\n", "\n<p>", "</p>");
    private static final Template FORM = Template.element("<form", ">\n  ", "\n  ", "\n  ", "\n</form>");
    private static final Template FORM_FIELDS = Template.fragment(
            "\n  <label for=\"user_username\">Username</label>\n  <input type=\"text\" id=\"user_username\"", "",
            ">\n  ", "\n  <button type=\"submit\">Save</button>\n");
    private static final Template ERROR = Template.fragment("<span class=\"error\" id=\"username-error\">", "</span>");
    private static final Template SAVED = Template.fragment("<p id=\"saved\">Saved</p>");
    private static final Template PROFILE_LABEL = Layout.label("My profile");
    private static final String FORM_ATTRIBUTES = Html.attribute("phx-submit", "save")
            + Html.attribute("phx-change", "validate") + Html.attribute("id", "settings-form");
    private static final String USERNAME_NAME = Html.attribute("name", "user[username]");

    private enum Field { USER, FORM, SAVED }

    private final Changes<Field> changes = Changes.of(Field.class);
    private String user;
    private String formValue;
    private String error;
    private boolean saved;

    @Override
    public void mount(ViewContext context) {
        if (context.user() == null) {
            flash().put(Flash.ERROR, LOGIN_REQUIRED);
            context.redirect("/login");
            return;
        }
        user = context.user();
        formValue = user;
    }

    @Override
    public void handleEvent(String event, JsonNode value, ViewContext context) {
        JsonNode fields = value.path("user");
        String username = fields.path("username").asText("");
        switch (event) {
            case "validate" -> {
                boolean untouched = fields.has("_unused_username");
                formValue = username;
                error = Tokens.isValidUsername(username) || untouched ? null : INVALID_USERNAME;
                changes.mark(Field.FORM);
            }
            case "save" -> save(username);
            default -> super.handleEvent(event, value, context);
        }
    }

    @Override
    public Rendered render() {
        boolean formChanged = changes.has(Field.FORM);
        boolean userChanged = changes.has(Field.USER);
        Rendered fields = Rendered.of(FORM_FIELDS)
                .html(USERNAME_NAME, formChanged)
                .html(Html.attribute("value", formValue), formChanged)
                .optional(error == null ? null : Rendered.of(ERROR).text(error, true).build(), formChanged)
                .build();
        Rendered form = Rendered.of(FORM)
                .html(FORM_ATTRIBUTES, formChanged)
                .html("", formChanged)
                .html("", formChanged)
                .node(fields, formChanged)
                .build();
        Rendered content = Rendered.of(CONTENT)
                .text(user, userChanged)
                .node(form, formChanged)
                .optional(saved ? Rendered.of(SAVED).build() : null, changes.has(Field.SAVED))
                .node(Layout.navigateLink("/" + user, "profile-link", PROFILE_LABEL, userChanged), userChanged)
                .build();
        return Layout.page(flash(), content);
    }

    @Override
    public Changes<?> changes() {
        return changes;
    }

    private void save(String username) {
        formValue = username;
        changes.mark(Field.FORM);
        if (!Tokens.isValidUsername(username)) {
            error = INVALID_USERNAME;
            setSaved(false);
            return;
        }
        error = null;
        if (!username.equals(user)) {
            user = username;
            changes.mark(Field.USER);
        }
        setSaved(true);
        flash().put(Flash.INFO, "Settings saved");
    }

    private void setSaved(boolean value) {
        if (saved != value) {
            saved = value;
            changes.mark(Field.SAVED);
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rightscope.Core.Accounts;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;
using static Rightscope.Tests.Features.Organizations.MemberTestSupport;

namespace Rightscope.Tests.Features.Organizations;

public sealed class InvitationsTests
{
    private const string InvalidLinkText = "This invitation link does not work";

    private static Dictionary<string, string> Registration(string password = TestData.Password) => new()
    {
        ["Input.DisplayName"] = "Nadia Invited",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_new_person_registers_through_the_link_and_becomes_a_member_with_the_invited_role(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var ownerClient = await app.SignInAsync(owner.Email!);
        var email = TestData.UniqueEmail("invited");

        var link = await InviteAsync(ownerClient, org.Slug, email, "reviewer");

        // Only the hash of the token is stored, and no audit entry contains the token.
        var token = link["/invitations/".Length..];
        var stored = await QueryAsync(app, db => db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.OrganizationId == org.Id));
        Assert.Equal(InvitationToken.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(stored.CreatedAt + TimeSpan.FromDays(7), stored.ExpiresAt);
        var listed = await (await ownerClient.GetAsync($"/o/{org.Slug}/invitations")).Content.ReadAsStringAsync();
        Assert.Contains(email, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);

        var visitor = Anonymous(app);
        var page = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Test organization", html, StringComparison.Ordinal);
        Assert.Contains("Reviewer", html, StringComparison.Ordinal);
        Assert.Contains("Create account and join", html, StringComparison.Ordinal);

        var registered = await Forms.PostAsync(visitor, link, Registration(), $"{link}?handler=Register");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal($"/o/{org.Slug}", registered.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/o/{org.Slug}")).StatusCode);
        var user = await QueryAsync(app, db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal("Nadia Invited", user.DisplayName);
        Assert.Equal(Role.Reviewer, (await MembershipAsync(app, org.Id, user.Id))!.Role);

        // The link works once.
        var again = await Anonymous(app).GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains(InvalidLinkText, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Single(await AuditAsync(app, org.Id, "invitation.created"));
        var accepted = Assert.Single(await AuditAsync(app, org.Id, "invitation.accepted"));
        Assert.Contains("reviewer", accepted.Summary, StringComparison.Ordinal);
        Assert.All(await AllAuditAsync(app), e => Assert.DoesNotContain(token, e.Summary, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_existing_user_accepts_while_signed_in_and_a_second_accept_creates_nothing(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (other, _) = await app.CreateOrganizationAsync();
        var person = await app.AddMemberAsync(other, Role.Analyst);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var link = await InviteAsync(ownerClient, org.Slug, person.Email!.ToUpperInvariant(), "viewer");
        var client = await app.SignInAsync(person.Email!);

        var page = await client.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        var token = Forms.AntiforgeryToken(html);
        Assert.Contains("Accept invitation", html, StringComparison.Ordinal);

        var first = await Forms.PostWithTokenAsync(client, $"{link}?handler=Accept", token, new Dictionary<string, string>());
        var second = await Forms.PostWithTokenAsync(client, $"{link}?handler=Accept", token, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/o/{org.Slug}", first.Headers.Location?.OriginalString);
        // The person who accepted is sent on to the organization; nothing new is created.
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(Role.Viewer, (await MembershipAsync(app, org.Id, person.Id))!.Role);
        Assert.Equal(1, await QueryAsync(app, db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.UserId == person.Id && m.OrganizationId == org.Id)));
        Assert.Single(await AuditAsync(app, org.Id, "invitation.accepted"));
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous(app).GetAsync(link)).StatusCode);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Someone_signed_in_with_another_address_cannot_accept_and_is_offered_to_sign_out(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (other, _) = await app.CreateOrganizationAsync();
        var stranger = await app.AddMemberAsync(other, Role.Analyst);
        var ownerClient = await app.SignInAsync(owner.Email!);
        var link = await InviteAsync(ownerClient, org.Slug, TestData.UniqueEmail("invited"), "analyst");
        var client = await app.SignInAsync(stranger.Email!);

        var page = await client.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("but this invitation is for", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Accept invitation", html, StringComparison.Ordinal);

        var accept = await Forms.PostWithTokenAsync(client, $"{link}?handler=Accept", Forms.AntiforgeryToken(html), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.Null(await MembershipAsync(app, org.Id, stranger.Id));

        var signOut = await Forms.PostWithTokenAsync(client, $"{link}?handler=SignOut", Forms.AntiforgeryToken(html), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(link, signOut.Headers.Location?.OriginalString);
        var afterSignOut = await (await client.GetAsync(link)).Content.ReadAsStringAsync();
        Assert.Contains("Create account and join", afterSignOut, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_visitor_with_an_existing_account_is_asked_to_sign_in_and_then_accepts(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var (other, _) = await app.CreateOrganizationAsync();
        var person = await app.AddMemberAsync(other, Role.Viewer);
        var link = await InviteAsync(await app.SignInAsync(owner.Email!), org.Slug, person.Email!, "analyst");
        var visitor = Anonymous(app);

        var html = await (await visitor.GetAsync(link)).Content.ReadAsStringAsync();

        Assert.Contains($"/account/sign-in?returnUrl={Uri.EscapeDataString(link)}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Create account and join", html, StringComparison.Ordinal);
        var signIn = await Forms.PostAsync(visitor, $"/account/sign-in?returnUrl={Uri.EscapeDataString(link)}", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email!,
            ["Input.Password"] = TestData.Password,
            ["returnUrl"] = link,
        });
        Assert.Equal(link, signIn.Headers.Location?.OriginalString);
        var accept = await Forms.PostAsync(visitor, link, new Dictionary<string, string>(), $"{link}?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(Role.Analyst, (await MembershipAsync(app, org.Id, person.Id))!.Role);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_expired_invitation_gives_404_without_saying_why(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await RightscopeFactory.StartAsync(provider);
        var timed = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        var (org, owner) = await app.CreateOrganizationAsync();
        var ownerClient = Anonymous(timed);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(ownerClient, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = owner.Email!,
            ["Input.Password"] = TestData.Password,
        })).StatusCode);
        var link = await InviteAsync(ownerClient, org.Slug, TestData.UniqueEmail("late"), "analyst");
        Assert.Equal(HttpStatusCode.OK, (await Anonymous(timed).GetAsync(link)).StatusCode);

        clock.Advance(Invitation.Lifetime + TimeSpan.FromMinutes(1));
        var visitor = Anonymous(timed);
        var response = await visitor.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(InvalidLinkText, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Test organization", html, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_revoked_invitation_disappears_from_the_list_and_its_link_gives_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var ownerClient = await app.SignInAsync(owner.Email!);
        var email = TestData.UniqueEmail("revoked");
        var link = await InviteAsync(ownerClient, org.Slug, email, "analyst");
        var invitation = await QueryAsync(app, db => db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.OrganizationId == org.Id));

        var response = await Forms.PostAsync(
            ownerClient, $"/o/{org.Slug}/invitations", new Dictionary<string, string> { ["invitationId"] = invitation.Id.ToString() }, $"/o/{org.Slug}/invitations?handler=Revoke");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await (await ownerClient.GetAsync($"/o/{org.Slug}/invitations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(email, list, StringComparison.Ordinal);
        var visit = await Anonymous(app).GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, visit.StatusCode);
        Assert.Contains(InvalidLinkText, await visit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(app, org.Id, "invitation.revoked"));
        Assert.Contains(email, entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_owner_of_another_organization_cannot_revoke_its_invitations(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (orgA, ownerA) = await app.CreateOrganizationAsync();
        var (orgB, ownerB) = await app.CreateOrganizationAsync();
        var link = await InviteAsync(await app.SignInAsync(ownerA.Email!), orgA.Slug, TestData.UniqueEmail("kept"), "analyst");
        var invitation = await QueryAsync(app, db => db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.OrganizationId == orgA.Id));

        var response = await Forms.PostAsync(
            await app.SignInAsync(ownerB.Email!), $"/o/{orgB.Slug}/invitations", new Dictionary<string, string> { ["invitationId"] = invitation.Id.ToString() }, $"/o/{orgB.Slug}/invitations?handler=Revoke");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous(app).GetAsync(link)).StatusCode);
        Assert.Empty(await AuditAsync(app, orgA.Id, "invitation.revoked"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Inviting_someone_who_is_already_a_member_is_refused_with_a_field_error(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var analyst = await app.AddMemberAsync(org, Role.Analyst);
        var client = await app.SignInAsync(owner.Email!);

        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/invitations", new Dictionary<string, string>
        {
            ["Input.Email"] = analyst.Email!.ToUpperInvariant(),
            ["Input.Role"] = "owner",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already a member of this organization", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.Invitations.IgnoreQueryFilters().AnyAsync()));
        Assert.Empty(await AuditAsync(app, org.Id, "invitation.created"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_second_open_invitation_for_the_same_address_is_refused_until_the_first_is_revoked(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);
        var email = TestData.UniqueEmail("twice");
        await InviteAsync(client, org.Slug, email, "analyst");

        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/invitations", new Dictionary<string, string>
        {
            ["Input.Email"] = email.ToUpperInvariant(),
            ["Input.Role"] = "viewer",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("open invitation for this e-mail address already exists", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var first = await QueryAsync(app, db => db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.OrganizationId == org.Id));
        await Forms.PostAsync(
            client, $"/o/{org.Slug}/invitations", new Dictionary<string, string> { ["invitationId"] = first.Id.ToString() }, $"/o/{org.Slug}/invitations?handler=Revoke");
        await InviteAsync(client, org.Slug, email, "viewer");
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_invitation_form_shows_field_errors_for_a_bad_email_and_an_unknown_role(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var client = await app.SignInAsync(owner.Email!);

        var response = await Forms.PostAsync(client, $"/o/{org.Slug}/invitations", new Dictionary<string, string>
        {
            ["Input.Email"] = "not an address",
            ["Input.Role"] = "superuser",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose one of the listed roles", html, StringComparison.Ordinal);
        Assert.Contains("field-validation-error", html, StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.Invitations.IgnoreQueryFilters().AnyAsync()));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Registration_with_a_weak_password_shows_field_errors_and_keeps_the_invitation_open(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var (org, owner) = await app.CreateOrganizationAsync();
        var email = TestData.UniqueEmail("weak");
        var link = await InviteAsync(await app.SignInAsync(owner.Email!), org.Slug, email, "analyst");
        var visitor = Anonymous(app);

        var response = await Forms.PostAsync(visitor, link, Registration("short"), $"{link}?handler=Register");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least 12 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(link)).StatusCode);
        Assert.Empty(await AuditAsync(app, org.Id, "invitation.accepted"));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task An_unknown_or_malformed_token_gives_the_same_localized_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var visitor = Anonymous(app);

        var unknown = await visitor.GetAsync($"/invitations/{InvitationToken.Create()}");
        var malformed = await visitor.GetAsync("/invitations/not-a-token");
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var chinese = await visitor.GetAsync($"/invitations/{InvitationToken.Create()}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Contains(InvalidLinkText, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(InvalidLinkText, await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, chinese.StatusCode);
        // Razor writes characters outside Basic Latin as character references.
        Assert.Contains("此邀请链接无效", WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

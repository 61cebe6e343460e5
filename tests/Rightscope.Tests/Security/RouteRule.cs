using Rightscope.Core.Accounts;

namespace Rightscope.Tests.Security;

/// <summary>Who may use one route of the application, and a concrete path to try it with.</summary>
/// <param name="SamplePath">The path to request; <c>{org}</c> is replaced by the organization under test.</param>
/// <param name="Access">Who may use it.</param>
/// <param name="Permission">For organization routes: the permission a member needs.</param>
/// <param name="Methods">The HTTP methods the route serves.</param>
/// <param name="SuccessStatus">What an allowed GET returns (200 for pages, a redirect for routers).</param>
/// <param name="WritePermission">The permission other methods need, when it differs from GET's.</param>
/// <param name="AlsoWrite">A second permission that also allows the other methods (e.g. comments: edit or review).</param>
public sealed record RouteRule(
    string SamplePath, Access Access, Permission? Permission, string[] Methods, int SuccessStatus = 200, Permission? WritePermission = null, Permission? AlsoWrite = null)
{
    public static RouteRule Public(string path, int success = 200, params string[] methods) =>
        new(path, Access.Anonymous, null, methods.Length == 0 ? ["GET"] : methods, success);

    public static RouteRule SignedIn(string path, int success = 200, params string[] methods) =>
        new(path, Access.SignedIn, null, methods.Length == 0 ? ["GET"] : methods, success);

    public static RouteRule Organization(string path, Permission permission, params string[] methods) =>
        new(path, Access.OrganizationMember, permission, methods.Length == 0 ? ["GET"] : methods);

    public static RouteRule Api(string path, Permission permission, params string[] methods) =>
        new(path, Access.Api, permission, methods.Length == 0 ? ["GET"] : methods);

    /// <summary>An API route whose writes need <paramref name="write"/>; an allowed write with an empty body gets 400, or 404 on a missing resource.</summary>
    public static RouteRule Api(string path, Permission read, Permission write, int success, params string[] methods) =>
        new(path, Access.Api, read, methods, success, write);

    /// <summary>
    /// A route of one resource, tried with an id that does not exist: members allowed to use it get 404 for every
    /// method (the permission is checked first, so the others still get 403).
    /// </summary>
    public static RouteRule OrganizationResource(string path, Permission read, Permission? write, params string[] methods) =>
        new(path, Access.OrganizationMember, read, methods.Length == 0 ? ["GET"] : methods, 404, write);

    /// <summary>The permission a member needs for <paramref name="method"/>.</summary>
    public Permission? PermissionFor(string method) => method == "GET" ? Permission : WritePermission ?? Permission;

    /// <summary>Whether <paramref name="role"/> may use <paramref name="method"/> on this route.</summary>
    public bool Grants(Role role, string method) =>
        role.Grants(PermissionFor(method)!.Value) || (method != "GET" && AlsoWrite is { } also && role.Grants(also));
}

public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Anonymous,

    /// <summary>Any signed-in user; the route shows only the user's own data.</summary>
    SignedIn,

    /// <summary>Members of the organization in the URL whose role grants <see cref="RouteRule.Permission"/>.</summary>
    OrganizationMember,

    /// <summary>
    /// API tokens of the organization in the URL whose role grants <see cref="RouteRule.Permission"/>: no token or a
    /// session cookie alone gives 401, another organization's token 404, a role without the permission 403.
    /// </summary>
    Api,
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Hosting;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Shared;

/// <summary>The language switcher: stores the choice in a cookie and goes back to the page.</summary>
[AllowAnonymous]
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var supported = RightscopeWebApp.SupportedCultures.FirstOrDefault(c => c.Name == culture);
        if (supported is null)
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        return LocalRedirect(this.LocalOr(returnUrl, "/"));
    }
}

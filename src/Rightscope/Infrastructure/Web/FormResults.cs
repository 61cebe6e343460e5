using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rightscope.Infrastructure.Web;

public static class FormResults
{
    /// <summary>Re-renders the form with its field errors and a 400 status, so clients and tests see the failure.</summary>
    public static PageResult InvalidForm(this PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    /// <summary>A local return URL, or the fallback; never an open redirect.</summary>
    public static string LocalOr(this PageModel page, string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}

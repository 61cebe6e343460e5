using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rightscope.Features.Shared;

/// <summary>Localized error pages; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";

    public string MessageKey { get; private set; } = "Error.Message";

    public IActionResult OnGet(int code) => Show(code);

    // Re-executed POSTs (a 404 or 400 from a form) land here too.
    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        (TitleKey, MessageKey) = code switch
        {
            400 => ("Error.BadRequest.Title", "Error.BadRequest.Message"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Message"),
            404 => ("Error.NotFound.Title", "Error.NotFound.Message"),
            413 => ("Error.TooLarge.Title", "Error.TooLarge.Message"),
            503 when HttpContext.Items.ContainsKey(Infrastructure.Web.StorageFullMiddleware.ItemKey) => ("Error.StorageFull.Title", "Error.StorageFull.Message"),
            429 or 503 => ("Error.Busy.Title", "Error.Busy.Message"),
            _ => ("Error.Title", "Error.Message"),
        };
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return Page();
    }
}

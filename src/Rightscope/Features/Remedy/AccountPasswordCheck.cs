using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Features.Accounts;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Remedy;

/// <summary>The account password asked again before anything is done with case keys.</summary>
internal static class AccountPasswordCheck
{
    /// <summary>
    /// Null when <paramref name="password"/> is the account's; otherwise the page's answer: the lockout page, or the form
    /// again with <paramref name="wrong"/> on the <c>Password</c> field. Wrong passwords count towards the account's
    /// lockout, as at sign-in, so a stolen session cannot be used to guess.
    /// </summary>
    public static async Task<IActionResult?> RefuseWrongPasswordAsync(this PageModel page, SignInManager<User> signIn, User user, string password, string wrong)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return page.RedirectToPage("/Accounts/Lockout");
        }

        if (check.Succeeded)
        {
            return null;
        }

        page.ModelState.AddModelError("Password", wrong);
        return page.InvalidForm();
    }
}

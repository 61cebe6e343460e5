using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Rightscope.Features.Indicators;

/// <summary>A CSV download: UTF-8 with a byte order mark (so spreadsheet programs read Chinese names), as an attachment.</summary>
public static class IndicatorCsv
{
    public static FileContentResult File(string csv, string fileName) =>
        new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8") { FileDownloadName = fileName };
}

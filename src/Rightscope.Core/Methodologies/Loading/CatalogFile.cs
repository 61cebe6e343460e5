using System.Text;

namespace Rightscope.Core.Methodologies.Loading;

internal static class CatalogFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a UTF-8 file and parses it; a file that cannot be read is one error at line 0.</summary>
    public static LoadResult<T> Load<T>(string path, Func<string, LoadResult<T>> parse) where T : class
    {
        string text;
        try
        {
            text = File.ReadAllText(path, StrictUtf8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return new(null, [new CatalogError(path, 0, null, $"cannot read the file: {exception.Message}")]);
        }

        return parse(text);
    }
}

using System.Text;

namespace DaiChain.ModelRegistry.Validation;

/// <summary>The registry's rules for names and free text, each returning null when the value is acceptable or a sentence saying what to change.</summary>
public static class RegistryText
{
    /// <summary>A model or dataset name: 1..max bytes of <c>[A-Za-z0-9._-]</c>, starting with a letter or digit.</summary>
    public static string? NameProblem(string field, string value, int maxBytes)
    {
        if (value.Length == 0 || value.Length > maxBytes || !char.IsAsciiLetterOrDigit(value[0]))
        {
            return $"{field} '{Shorten(value)}' must be 1-{maxBytes} characters of [A-Za-z0-9._-] starting with a letter or digit";
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return $"{field} '{Shorten(value)}' must be 1-{maxBytes} characters of [A-Za-z0-9._-] starting with a letter or digit";
            }
        }

        return null;
    }

    /// <summary>A lower-case slug (task types, benchmark names, aliases): 1..max of <c>[a-z0-9._-]</c> starting with a letter or digit.</summary>
    public static string? SlugProblem(string field, string value, int maxBytes)
    {
        if (value.Length == 0 || value.Length > maxBytes || !(char.IsAsciiLetterLower(value[0]) || char.IsAsciiDigit(value[0])))
        {
            return $"{field} '{Shorten(value)}' must be 1-{maxBytes} characters of [a-z0-9._-] starting with a letter or digit";
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
            {
                return $"{field} '{Shorten(value)}' must be 1-{maxBytes} characters of [a-z0-9._-] starting with a letter or digit";
            }
        }

        return null;
    }

    /// <summary>Free text: at most <paramref name="maxBytes"/> UTF-8 bytes, no control characters but tab and line breaks.</summary>
    /// <returns>Null, or (code, message).</returns>
    public static (string Code, string Message)? TextProblem(string field, string value, int maxBytes, bool required = false)
    {
        if (required && value.Length == 0)
        {
            return (RegistryErrorCodes.InvalidText, $"{field} must not be empty");
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > maxBytes)
        {
            return (RegistryErrorCodes.TextTooLong, $"{field} is {bytes} bytes, the limit is {maxBytes}; shorten it");
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return (RegistryErrorCodes.InvalidText, $"{field} contains control character U+{(int)c:X4}; only tabs and line breaks are allowed");
            }
        }

        return null;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
}

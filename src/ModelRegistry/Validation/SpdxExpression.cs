namespace DaiChain.ModelRegistry.Validation;

/// <summary>
/// Checks the syntax of an SPDX license expression (SPDX specification, annex "SPDX license expressions"):
/// license ids (<c>MIT</c>, <c>Apache-2.0</c>, <c>GPL-2.0+</c>), <c>LicenseRef-…</c> and
/// <c>DocumentRef-…:LicenseRef-…</c> references, <c>WITH</c> an exception id, <c>AND</c>, <c>OR</c> and parentheses.
/// </summary>
/// <remarks>
/// Only the syntax is checked, not membership in the SPDX License List (which changes between releases; a
/// chain rule must not). Operators are upper case, tokens are separated by single spaces (parentheses may touch
/// their contents), with no leading or trailing space, so one expression has one spelling. Idstrings are
/// <c>[A-Za-z0-9.-]+</c>; at most <see cref="RegistryLimits.MaxLicenceBytes"/> characters and 32 levels of parentheses.
/// </remarks>
public static class SpdxExpression
{
    private const int MaxDepth = 32;

    /// <summary>Null when <paramref name="text"/> is a valid expression, else what is wrong.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > RegistryLimits.MaxLicenceBytes)
        {
            return $"a licence is an SPDX expression of 1-{RegistryLimits.MaxLicenceBytes} characters, such as MIT or Apache-2.0";
        }

        if (text[0] == ' ' || text[^1] == ' ' || text.Contains("  ", StringComparison.Ordinal))
        {
            return $"'{text}': separate SPDX tokens with single spaces, without leading or trailing spaces";
        }

        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return $"'{text}' has characters outside SPDX identifiers, operators and parentheses";
        }

        var position = 0;
        var ok = ParseOr(tokens, ref position, 0) && position == tokens.Count;
        return ok ? null : $"'{text}' is not an SPDX license expression (ids such as MIT, Apache-2.0 or LicenseRef-x, joined by AND / OR, optional WITH exception, parentheses)";
    }

    public static bool IsValid(string? text) => Problem(text) is null;

    private static List<string>? Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                i++;
                continue;
            }

            if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return null;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private static bool ParseOr(List<string> tokens, ref int position, int depth)
    {
        if (!ParseAnd(tokens, ref position, depth))
        {
            return false;
        }

        while (position < tokens.Count && tokens[position] == "OR")
        {
            position++;
            if (!ParseAnd(tokens, ref position, depth))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ParseAnd(List<string> tokens, ref int position, int depth)
    {
        if (!ParseWith(tokens, ref position, depth))
        {
            return false;
        }

        while (position < tokens.Count && tokens[position] == "AND")
        {
            position++;
            if (!ParseWith(tokens, ref position, depth))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ParseWith(List<string> tokens, ref int position, int depth)
    {
        if (position >= tokens.Count)
        {
            return false;
        }

        if (tokens[position] == "(")
        {
            if (depth >= MaxDepth)
            {
                return false;
            }

            position++;
            if (!ParseOr(tokens, ref position, depth + 1) || position >= tokens.Count || tokens[position] != ")")
            {
                return false;
            }

            position++;
            return true;
        }

        if (!IsSimpleExpression(tokens[position]))
        {
            return false;
        }

        position++;
        if (position < tokens.Count && tokens[position] == "WITH")
        {
            position++;
            if (position >= tokens.Count || !IsAddition(tokens[position]))
            {
                return false;
            }

            position++;
        }

        return true;
    }

    private static bool IsSimpleExpression(string token)
    {
        if (IsOperator(token))
        {
            return false;
        }

        if (IsReference(token, "LicenseRef-"))
        {
            return true;
        }

        var id = token.EndsWith('+') ? token[..^1] : token;
        return IsIdString(id) && !id.StartsWith("LicenseRef-", StringComparison.Ordinal) && !id.StartsWith("DocumentRef-", StringComparison.Ordinal);
    }

    private static bool IsAddition(string token) =>
        !IsOperator(token) && (IsReference(token, "AdditionRef-") || IsIdString(token));

    private static bool IsReference(string token, string kind)
    {
        var local = token;
        if (token.StartsWith("DocumentRef-", StringComparison.Ordinal))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !IsIdString(token["DocumentRef-".Length..colon]))
            {
                return false;
            }

            local = token[(colon + 1)..];
        }

        return local.StartsWith(kind, StringComparison.Ordinal) && IsIdString(local[kind.Length..]);
    }

    private static bool IsOperator(string token) => token is "AND" or "OR" or "WITH";

    private static bool IsIdString(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+' or ':';
}

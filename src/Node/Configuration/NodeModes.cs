namespace DaiChain.Node.Configuration;

/// <summary>Parsing and printing <see cref="NodeMode"/> as the lower-case words of the config file and CLI.</summary>
public static class NodeModes
{
    public static string Format(NodeMode mode) => mode switch
    {
        NodeMode.Validator => "validator",
        NodeMode.Full => "full",
        NodeMode.Audit => "audit",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown mode"),
    };

    public static bool TryParse(string? text, out NodeMode mode)
    {
        switch (text)
        {
            case "validator":
                mode = NodeMode.Validator;
                return true;
            case "full":
                mode = NodeMode.Full;
                return true;
            case "audit":
                mode = NodeMode.Audit;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}

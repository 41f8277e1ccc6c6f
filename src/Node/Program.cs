namespace DaiChain.Node;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("daichain: no command yet");
        return args.Length == 0 ? 2 : 2;
    }
}

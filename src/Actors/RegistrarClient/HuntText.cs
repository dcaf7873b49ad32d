using System.Globalization;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>Durations in hunt messages written for people: <c>250 ms</c>, <c>3 s</c>, <c>2 min 8 s</c>.</summary>
public static class HuntText
{
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMilliseconds} ms");
        }

        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Round(span.TotalSeconds)} s");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min {span.Seconds} s");
    }
}

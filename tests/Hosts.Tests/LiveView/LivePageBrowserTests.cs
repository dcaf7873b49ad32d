using Microsoft.Playwright;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.LiveView;

/// <summary>
/// The registrar's live page (docs/metrics.md "Live view") in a real headless Chromium driven by Playwright: a PE
/// appears when it registers and disappears when its process dies, without a reload, and the events list both.
/// </summary>
public sealed class LivePageBrowserTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [ChromiumFact]
    public async Task A_pe_appears_on_the_page_when_it_registers_and_disappears_when_it_dies()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--enrp-announce", "off", "--status", "127.0.0.1:0");
        await using var _ = registrar;
        string asap = (await registrar.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+)")).Groups[1].Value;
        string url = (await registrar.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Args = ["--no-sandbox"],   // as root
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("#connection.live").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Wait.TotalMilliseconds });
        Assert.Equal("0", await page.Locator("#pe-count").TextContentAsync());

        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", asap, "--asap-announce", "off",
            "--local", "127.0.0.1:0", "--policy", "WeightedRoundRobin:7");
        await using var __ = server;
        string pe = "0x" + (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;

        var row = page.Locator($"#elements tr[data-pe='{pe}']");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Wait.TotalMilliseconds });
        string rowText = await row.InnerTextAsync();
        Assert.Contains("EchoPool", rowText, StringComparison.Ordinal);
        Assert.Contains("home", rowText, StringComparison.Ordinal);
        Assert.Contains("tcp 127.0.0.1 port", rowText, StringComparison.Ordinal);
        Assert.Contains("WeightedRoundRobin\t7", rowText, StringComparison.Ordinal);   // policy and its weight in their own columns
        await page.Locator("#events tr", new PageLocatorOptions { HasText = "registered" }).Filter(new LocatorFilterOptions { HasText = pe })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Wait.TotalMilliseconds });

        server.Signal(kill: true);   // SIGKILL: its association breaks, the registrar removes the PE
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = (float)Wait.TotalMilliseconds });
        await page.Locator("#events tr", new PageLocatorOptions { HasText = "removed" }).Filter(new LocatorFilterOptions { HasText = pe })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Wait.TotalMilliseconds });
        Assert.Equal("0", await page.Locator("#pe-count").TextContentAsync());
    }
}

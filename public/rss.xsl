<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows a Tanketanken RSS feed as a readable page when it is opened in a browser: its title,
  how to subscribe and its latest items. Feed readers ignore this stylesheet and read the XML
  as it is (docs/architecture.md, "Feeds").
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="nb">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title"/> (RSS-strøm)</title>
        <link rel="stylesheet" href="/rss.css"/>
      </head>
      <body>
        <header class="feed-banner">
          <p>
            <strong>Dette er en RSS-strøm.</strong>
            Kopier adressen under inn i RSS-leseren din for å få beskjed når noe nytt blir publisert.
            <a href="/abonner/">Les mer om å abonnere</a>.
          </p>
          <p>
            <label for="feed-address">Adressen til strømmen</label>
            <input id="feed-address" type="text" readonly="readonly" value="{rss/channel/atom:link[@rel='self']/@href}"/>
          </p>
        </header>
        <main>
          <h1><xsl:value-of select="rss/channel/title"/></h1>
          <p><xsl:value-of select="rss/channel/description"/></p>
          <p>
            <a href="{rss/channel/link}">Gå til nettstedet</a>
          </p>
          <h2>Siste saker</h2>
          <ul class="feed-items">
            <xsl:for-each select="rss/channel/item">
              <li>
                <xsl:if test="dc:language">
                  <xsl:attribute name="lang"><xsl:value-of select="dc:language"/></xsl:attribute>
                </xsl:if>
                <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                <p class="feed-date" lang="en"><xsl:value-of select="pubDate"/></p>
                <p><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>

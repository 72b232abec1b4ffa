/** The pages: server-rendered JTE templates with htmx, in Arabic, French and English, following GOV.UK patterns. */
package org.passerelle.server.web;

/** What every module shares about the database it runs on: transactions whose commit need not wait for the disk. */
package org.passerelle.server.storage;

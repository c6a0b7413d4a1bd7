import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import '@vaadin/progress-bar';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * The declared tables: name in DynamoDB, status, stream and time to live (as declared, and as DynamoDB reports them
 * where they differ), and differences from the declaration.
 */
export class QwcDynamokitTables extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .tables {
            height: 100%;
            padding-bottom: 10px;
        }
        .toolbar {
            display: flex;
            justify-content: flex-end;
            padding: 0 10px;
        }
        .status-RUNNING {
            color: var(--lumo-success-text-color);
        }
        .status-PENDING {
            color: var(--lumo-warning-text-color, var(--lumo-primary-text-color));
        }
        .status-MISSING, .status-UNKNOWN {
            color: var(--lumo-error-text-color);
        }
        ul {
            margin: 0;
            padding-left: 1em;
        }
        .reported {
            color: var(--lumo-error-text-color);
        }
    `;

    static properties = {
        _tables: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
    }

    _refresh() {
        this._tables = null;
        this.jsonRpc.getTables().then(response => {
            this._tables = response.result;
        });
    }

    render() {
        if (!this._tables) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        if (this._tables.length === 0) {
            return html`<p>No tables are declared: see quarkus.dynamokit.tables in the DynamoKit guide.</p>`;
        }
        return html`
            <div class="toolbar">
                <vaadin-button theme="small" @click=${() => this._refresh()}>Refresh</vaadin-button>
            </div>
            <vaadin-grid .items="${this._tables}" class="tables" theme="no-border row-stripes" all-rows-visible>
                <vaadin-grid-column auto-width header="Declared as" path="declaredName"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Table in DynamoDB" path="tableName"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Status"
                    ${columnBodyRenderer(this._statusRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Stream"
                    ${columnBodyRenderer(this._streamRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Time to live attribute"
                    ${columnBodyRenderer(this._timeToLiveRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column flex-grow="1" header="Differences from the declaration"
                    ${columnBodyRenderer(this._differencesRenderer, [])}></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _statusRenderer(table) {
        return html`<span class="status-${table.status}">${table.status}</span>`;
    }

    _streamRenderer(table) {
        return QwcDynamokitTables._declaredAndReported(table.stream, table.reportedStream);
    }

    _timeToLiveRenderer(table) {
        return QwcDynamokitTables._declaredAndReported(table.timeToLiveAttribute, table.reportedTimeToLiveAttribute);
    }

    /** The declared value; below it, what DynamoDB reports when that is something else. */
    static _declaredAndReported(declared, reported) {
        if (reported === undefined || reported === null) {
            return html`${declared}`;
        }
        return html`<div>${declared}</div><div class="reported">in DynamoDB: ${reported}</div>`;
    }

    _differencesRenderer(table) {
        if (table.differences.length === 0) {
            return html`as declared`;
        }
        return html`<ul>${table.differences.map(difference => html`<li>${difference}</li>`)}</ul>`;
    }
}
customElements.define('qwc-dynamokit-tables', QwcDynamokitTables);

// Draws the network of the analysis page with Cytoscape.js: colour by community, size by the chosen measure.
// The key-actors table beside it carries the same information for people who cannot use the drawing.
// The data comes with the page (data-graph), computed with the rest of the analysis.
document.addEventListener("DOMContentLoaded", () => {
    const container = document.getElementById("network-graph");
    if (!container || typeof cytoscape !== "function") {
        return;
    }
    const palette = ["#0b5cad", "#b3261e", "#1e6b3a", "#6f4c9b", "#b35c00", "#00707a", "#7a1f5c", "#4d5b00"];
    const data = JSON.parse(container.dataset.graph);
    const elements = [];
    data.nodes.forEach(node => elements.push({data: {
        id: node.id, label: node.id, colour: palette[node.community % palette.length],
        size: 14 + 46 * node.size, border: node.cut ? 3 : 0}}));
    data.edges.forEach((edge, i) => elements.push({data: {id: "e" + i, source: edge.source, target: edge.target}}));
    cytoscape({
        container: container,
        elements: elements,
        layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000},
        style: [
            {selector: "node", style: {"background-color": "data(colour)", "width": "data(size)",
                "height": "data(size)", "label": "data(label)", "font-size": 10, "border-width": "data(border)",
                "border-color": "#1b1f24"}},
            {selector: "edge", style: {"width": 1, "line-color": "#9aa0a4"}}
        ]
    });
    container.dataset.rendered = String(data.nodes.length);
});
